package org.caravan.platform.webhook;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Name resolution that lets a connection go only to addresses {@link WebhookDestinations} allows. Every address is
 * treated as unresolved, so that a numeric one is checked too (Netty would otherwise connect to it directly); a
 * name is resolved once, off the event loop, and refused if any of its addresses is refused; the client is given
 * exactly the addresses that were checked.
 */
final class CheckingAddressResolverGroup extends AddressResolverGroup<InetSocketAddress> {

    private final WebhookDestinations destinations;

    CheckingAddressResolverGroup(WebhookDestinations destinations) {
        this.destinations = destinations;
    }

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
        return new CheckingResolver(executor);
    }

    private final class CheckingResolver implements AddressResolver<InetSocketAddress> {

        private final EventExecutor executor;

        CheckingResolver(EventExecutor executor) {
            this.executor = executor;
        }

        /** Everything, so that no address reaches a connection unchecked; what is not an internet address fails. */
        @Override
        public boolean isSupported(SocketAddress address) {
            return true;
        }

        @Override
        public boolean isResolved(SocketAddress address) {
            return false;
        }

        @Override
        public Future<InetSocketAddress> resolve(SocketAddress address) {
            return resolve(address, executor.newPromise());
        }

        @Override
        public Future<InetSocketAddress> resolve(SocketAddress address, Promise<InetSocketAddress> promise) {
            resolveAll(address, executor.<List<InetSocketAddress>>newPromise()).addListener(done -> {
                if (done.isSuccess()) {
                    @SuppressWarnings("unchecked")
                    List<InetSocketAddress> all = (List<InetSocketAddress>) done.getNow();
                    promise.trySuccess(all.get(0));
                } else {
                    promise.tryFailure(done.cause());
                }
            });
            return promise;
        }

        @Override
        public Future<List<InetSocketAddress>> resolveAll(SocketAddress address) {
            return resolveAll(address, executor.newPromise());
        }

        @Override
        public Future<List<InetSocketAddress>> resolveAll(
                SocketAddress address, Promise<List<InetSocketAddress>> promise) {
            if (!(address instanceof InetSocketAddress destination)) {
                promise.tryFailure(new RefusedDestinationException(address + " is not an internet address"));
                return promise;
            }
            String host = destination.getHostString();
            if (!destination.isUnresolved()) {
                check(null, host, new InetAddress[] {destination.getAddress()}, destination.getPort(), promise);
                return promise;
            }
            Mono.fromCallable(() -> InetAddress.getAllByName(host))
                    .subscribeOn(Schedulers.boundedElastic())
                    .subscribe(
                            addresses -> check(host, host, addresses, destination.getPort(), promise),
                            promise::tryFailure);
            return promise;
        }

        /** {@code name} is null for a numeric address, which {@code host} then is. */
        private void check(
                String name, String host, InetAddress[] addresses, int port, Promise<List<InetSocketAddress>> promise) {
            for (InetAddress address : addresses) {
                Optional<String> refusal = destinations.refusal(host, address);
                if (refusal.isPresent()) {
                    String found = name == null ? "points at " : name + " resolves to ";
                    promise.tryFailure(new RefusedDestinationException(found + refusal.get()));
                    return;
                }
            }
            promise.trySuccess(List.of(addresses).stream()
                    .map(address -> new InetSocketAddress(address, port))
                    .toList());
        }

        @Override
        public void close() {}
    }
}
