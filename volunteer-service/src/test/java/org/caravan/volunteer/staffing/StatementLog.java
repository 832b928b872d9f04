package org.caravan.volunteer.staffing;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Statement;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.caravan.platform.TraceIds;
import org.reactivestreams.Publisher;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;
import reactor.core.publisher.Flux;

/**
 * What the service sends to PostgreSQL, per request: the service's ConnectionFactory is wrapped so that every
 * round trip through the driver (a statement, a begin, a commit) is noted with the trace id of the request it was
 * made for, read from the Reactor context when the driver is asked to send it. Background work (sweeps, the
 * outbox relay) carries no request's trace id and is not counted.
 */
final class StatementLog {

    /** One round trip: the SQL or the connection call, and whether it committed by itself (outside a begin). */
    record Sent(String traceId, String what, boolean autoCommitted) {

        boolean commits() {
            return autoCommitted || what.equals("commitTransaction");
        }
    }

    private static final Set<String> NO_ROUND_TRIP =
            Set.of("close", "validate", "getMetadata", "isAutoCommit", "getTransactionIsolationLevel");

    private final Queue<Sent> sent = new ConcurrentLinkedQueue<>();

    List<Sent> of(String traceId) {
        return sent.stream().filter(s -> s.traceId().equals(traceId)).toList();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Configuration {

        @Bean
        static StatementLog statementLog() {
            return new StatementLog();
        }

        @Bean
        static BeanPostProcessor countStatements(org.springframework.beans.factory.ObjectProvider<StatementLog> log) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof ConnectionFactory factory
                            ? log.getObject().wrap(factory)
                            : bean;
                }
            };
        }
    }

    ConnectionFactory wrap(ConnectionFactory factory) {
        return proxy(factory, (target, method, args) -> {
            Object result = invoke(target, method, args);
            if (method.getName().equals("create")) {
                return Flux.from((Publisher<?>) result).map(c -> wrap((Connection) c));
            }
            return result;
        });
    }

    /** Whether a transaction is open is followed here, from the begins and ends sent on the connection. */
    private Connection wrap(Connection connection) {
        AtomicBoolean inTransaction = new AtomicBoolean();
        return proxy(connection, (target, method, args) -> {
            Object result = invoke(target, method, args);
            String name = method.getName();
            if (name.equals("createStatement")) {
                return wrap((Statement) result, inTransaction, (String) args[0]);
            }
            if (result instanceof Publisher<?> publisher && !NO_ROUND_TRIP.contains(name)) {
                return noted(publisher, name, () -> {
                    if (name.equals("beginTransaction")) {
                        inTransaction.set(true);
                    } else if (name.equals("commitTransaction") || name.equals("rollbackTransaction")) {
                        inTransaction.set(false);
                    }
                    return false;
                });
            }
            return result;
        });
    }

    private Statement wrap(Statement statement, AtomicBoolean inTransaction, String sql) {
        return proxy(statement, (target, method, args) -> {
            Object result = invoke(target, method, args);
            if (method.getName().equals("execute")) {
                return noted((Publisher<?>) result, sql.strip(), () -> !inTransaction.get());
            }
            return result == target ? null : result;
        });
    }

    private Flux<?> noted(Publisher<?> publisher, String what, BooleanSupplier autoCommitted) {
        return Flux.deferContextual(context -> {
            boolean alone = autoCommitted.getAsBoolean();
            TraceIds.current(context).ifPresent(trace -> sent.add(new Sent(trace, what, alone)));
            return publisher;
        });
    }

    private interface Call {
        Object on(Object target, Method method, Object[] args) throws Throwable;
    }

    /**
     * A proxy with every interface of the target; a method returning the target itself (a statement's binds)
     * returns the proxy, which {@link Call} asks for by returning null.
     */
    @SuppressWarnings("unchecked")
    private static <T> T proxy(T target, Call call) {
        Class<?>[] interfaces = ClassUtils.getAllInterfacesForClassAsSet(target.getClass()).stream()
                .filter(type -> java.lang.reflect.Modifier.isPublic(type.getModifiers()))
                .toArray(Class<?>[]::new);
        Object[] self = new Object[1];
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> method.invoke(target, args);
                };
            }
            Object result = call.on(target, method, args);
            return result == null && method.getReturnType().isInstance(proxy) ? self[0] : result;
        };
        self[0] = Proxy.newProxyInstance(StatementLog.class.getClassLoader(), interfaces, handler);
        return (T) self[0];
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
