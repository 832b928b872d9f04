package org.caravan.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/** Who may sign tokens (issuer and its public key) and for whom they must be meant (audience). */
@ConfigurationProperties("caravan.security")
public record SecurityProperties(String issuer, String audience, Resource publicKeyLocation) {}
