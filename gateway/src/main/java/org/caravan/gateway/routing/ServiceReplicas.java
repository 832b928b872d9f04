package org.caravan.gateway.routing;

import java.net.UnknownHostException;
import java.util.List;
import org.caravan.gateway.GatewayProperties;
import org.springframework.cloud.client.ServiceInstance;

/**
 * A service's replicas right now, found as the routes find them ({@link ReplicasByAddress}): for those outside the
 * load balancer that need to know, such as the operators' health page.
 */
public final class ServiceReplicas {

    private final GatewayProperties.Routes routes;
    private final ReplicaAddresses addresses;

    public ServiceReplicas(GatewayProperties.Routes routes, ReplicaAddresses addresses) {
        this.routes = routes;
        this.addresses = addresses;
    }

    /** The replicas the service's host resolves to; an {@link UnknownHostException} when it resolves to none. */
    public List<ServiceInstance> resolve(RouteTable.Service service) throws UnknownHostException {
        return new ReplicasByAddress(service.serviceName(), service.uri(routes), addresses).resolve();
    }
}
