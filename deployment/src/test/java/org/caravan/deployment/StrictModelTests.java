package org.caravan.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

class StrictModelTests {

    private static final String DEPLOYMENT =
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: event-service
            spec:
              replicas: 2
              selector:
                matchLabels:
                  app.kubernetes.io/name: event-service
              template:
                metadata:
                  labels:
                    app.kubernetes.io/name: event-service
                spec:
                  containers:
                    - name: event-service
                      image: caravan/event-service:0.1.0
                      livenessProbe:
                        httpGet:
                          path: /actuator/health/liveness
                          port: 9090
            """;

    @Test
    void aDeploymentWithOnlyKnownFieldsIsReadIntoItsType() {
        assertThat(StrictModel.parse(DEPLOYMENT, "test"))
                .isInstanceOfSatisfying(Deployment.class, deployment -> assertThat(
                                deployment.getSpec().getReplicas())
                        .isEqualTo(2));
    }

    @Test
    void aMisspeltFieldOfTheDeploymentIsRefusedWithItsPath() {
        String misspelt = DEPLOYMENT.replace("  replicas: 2", "  replica: 2");

        assertThatThrownBy(() -> StrictModel.parse(misspelt, "event-service.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("event-service.yaml")
                .hasMessageContaining("[spec.replica]");
    }

    @Test
    void aMisspeltFieldDeepInAProbeIsRefusedWithItsPath() {
        String misspelt = DEPLOYMENT.replace("httpGet:", "httpGett:");

        assertThatThrownBy(() -> StrictModel.parse(misspelt, "event-service.yaml"))
                .hasMessageContaining("[spec.template.spec.containers[0].livenessProbe.httpGett]");
    }

    @Test
    void aFieldAtTheWrongLevelIsRefused() {
        String misplaced = DEPLOYMENT.replace("  replicas: 2", "  replicas: 2\n  terminationGracePeriodSeconds: 30");

        assertThatThrownBy(() -> StrictModel.parse(misplaced, "test"))
                .hasMessageContaining("[spec.terminationGracePeriodSeconds]");
    }

    @Test
    void aKindTheModelDoesNotKnowIsRefused() {
        String unknown = DEPLOYMENT.replace("apiVersion: apps/v1", "apiVersion: apps/v2");

        assertThatThrownBy(() -> StrictModel.parse(unknown, "test"))
                .hasMessageContaining("apps/v2 Deployment is not a kind the Kubernetes model knows");
    }

    @Test
    void aValueOfTheWrongTypeIsRefused() {
        String wrong = DEPLOYMENT.replace("  replicas: 2", "  replicas: two");

        assertThatThrownBy(() -> StrictModel.parse(wrong, "test"))
                .hasMessageContaining("the Kubernetes model cannot read it");
    }
}
