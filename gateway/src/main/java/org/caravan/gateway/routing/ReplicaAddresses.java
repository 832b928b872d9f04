package org.caravan.gateway.routing;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The addresses a service's host name stands for now: one per replica where the name is a DNS name with several
 * records, as docker-compose's service names are when a service is scaled out.
 */
@FunctionalInterface
public interface ReplicaAddresses {

    List<InetAddress> of(String host) throws UnknownHostException;

    /** The system resolver (its cache is kept short by {@code GatewayApplication}, so replicas come and go). */
    static ReplicaAddresses system() {
        return host -> List.of(InetAddress.getAllByName(host));
    }
}
