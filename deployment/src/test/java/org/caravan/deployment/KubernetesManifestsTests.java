package org.caravan.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The manifests against what the components need, for the base and every overlay, each rendered by {@link
 * KustomizeSubset} and every object read by {@link StrictModel} (a field the Kubernetes model does not know fails
 * the rendering before any check below runs).
 */
class KubernetesManifestsTests {

    /** The most each replica's JVM was measured to take (README, "Kubernetes"): 440 MB proportional set size. */
    private static final BigDecimal MEASURED_PEAK_BYTES = BigDecimal.valueOf(440L * 1000 * 1000);

    /** compose's CARAVAN_SERVICE_MEMORY, the limit every measurement and container test ran under. */
    private static final Quantity COMPOSE_MEMORY_LIMIT = new Quantity("768Mi");

    private static final Pattern SECRET_NAME = Pattern.compile(".*(SECRET|PASSWORD).*");

    static List<Rendering> renderings() {
        return Rendering.all();
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void everyObjectIsOfAKindTheModelKnowsWithNoUnknownField(Rendering rendering) {
        assertThat(rendering.objects()).hasSameSizeAs(rendering.documents()).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void eachComponentHasADeploymentAServiceADisruptionBudgetAndAnAutoscaler(Rendering rendering) {
        for (String component : Project.COMPONENTS) {
            assertThat(rendering.find(Deployment.class, component))
                    .as(component)
                    .isPresent();
            assertThat(rendering.service(component)).as(component).isPresent();
            assertThat(rendering.budget(component)).as(component).isPresent();
            assertThat(rendering.autoscaler(component)).as(component).isPresent();
        }
        assertThat(rendering.deployments())
                .extracting(deployment -> deployment.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(Project.COMPONENTS);
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void probesAskTheActuatorOnTheManagementPortTheProcessListensOn(Rendering rendering) {
        for (Deployment deployment : rendering.deployments()) {
            String component = deployment.getMetadata().getName();
            Container container = Rendering.container(deployment);
            assertThat(rendering.value(deployment, "MANAGEMENT_SERVER_PORT"))
                    .as(component)
                    .contains(String.valueOf(containerPort(container, "management")));
            assertThat(rendering.value(deployment, "SERVER_PORT"))
                    .as(component)
                    .contains(String.valueOf(containerPort(container, "http")));
            assertProbe(component, container, container.getReadinessProbe(), "/actuator/health/readiness");
            assertProbe(component, container, container.getLivenessProbe(), "/actuator/health/liveness");
            assertProbe(component, container, container.getStartupProbe(), "/actuator/health/liveness");
        }
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void everyContainerRequestsAndIsLimitedToMemoryAboveWhatWasMeasured(Rendering rendering) {
        for (Deployment deployment : rendering.deployments()) {
            String component = deployment.getMetadata().getName();
            var resources = Rendering.container(deployment).getResources();
            assertThat(resources.getRequests()).as(component).containsKeys("cpu", "memory");
            assertThat(resources.getLimits()).as(component).containsKeys("cpu", "memory");
            for (String resource : List.of("cpu", "memory")) {
                assertThat(resources.getRequests().get(resource))
                        .as(component + " " + resource + " request within its limit")
                        .isLessThanOrEqualTo(resources.getLimits().get(resource));
            }
            assertThat(Quantity.getAmountInBytes(resources.getRequests().get("memory")))
                    .as(component + " memory request above the measured peak")
                    .isGreaterThan(MEASURED_PEAK_BYTES);
            assertThat(resources.getLimits().get("memory"))
                    .as(component + " memory limit as in compose")
                    .isEqualByComparingTo(COMPOSE_MEMORY_LIMIT);
        }
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void eachDisruptionBudgetSelectsItsDeploymentsPodsAndNoOthers(Rendering rendering) {
        for (Deployment deployment : rendering.deployments()) {
            String component = deployment.getMetadata().getName();
            PodDisruptionBudget budget = rendering.budget(component).orElseThrow();
            Map<String, String> selector = budget.getSpec().getSelector().getMatchLabels();
            assertThat(budget.getSpec().getSelector().getMatchExpressions())
                    .as(component)
                    .isNullOrEmpty();
            for (Deployment other : rendering.deployments()) {
                assertThat(podLabels(other).entrySet().containsAll(selector.entrySet()))
                        .as("budget " + component + " selects the pods of "
                                + other.getMetadata().getName())
                        .isEqualTo(other == deployment);
            }
            assertThat(budget.getSpec().getMaxUnavailable())
                    .as(component + ": a drain may take one pod at a time, even of a single replica")
                    .isEqualTo(new IntOrString(1));
        }
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void eachAutoscalerScalesItsDeploymentByCpuFromWhereItStarts(Rendering rendering) {
        for (Deployment deployment : rendering.deployments()) {
            String component = deployment.getMetadata().getName();
            HorizontalPodAutoscaler autoscaler = rendering.autoscaler(component).orElseThrow();
            var target = autoscaler.getSpec().getScaleTargetRef();
            assertThat(List.of(target.getApiVersion(), target.getKind(), target.getName()))
                    .as(component)
                    .containsExactly("apps/v1", "Deployment", component);
            assertThat(autoscaler.getSpec().getMetrics()).as(component).hasSize(1);
            MetricSpec metric = autoscaler.getSpec().getMetrics().get(0);
            assertThat(metric.getType()).isEqualTo("Resource");
            assertThat(metric.getResource().getName()).isEqualTo("cpu");
            assertThat(metric.getResource().getTarget().getType()).isEqualTo("Utilization");
            assertThat(metric.getResource().getTarget().getAverageUtilization()).isBetween(50, 90);
            int min = autoscaler.getSpec().getMinReplicas();
            int max = autoscaler.getSpec().getMaxReplicas();
            assertThat(min).as(component + ": two replicas, so one can stop").isGreaterThanOrEqualTo(2);
            assertThat(deployment.getSpec().getReplicas())
                    .as(component + " starts within its autoscaler's bounds")
                    .isBetween(min, max);
        }
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void kafkaConsumersNeverScaleBeyondTheOnePartitionCountAllComponentsGiveTheTopics(Rendering rendering) {
        Set<String> counts = rendering.deployments().stream()
                .filter(deployment -> Rendering.env(deployment, "CARAVAN_KAFKA_BOOTSTRAP_SERVERS")
                        .isPresent())
                .map(deployment -> rendering
                        .value(deployment, "CARAVAN_KAFKA_PARTITIONS")
                        .orElseThrow(() -> new AssertionError(
                                deployment.getMetadata().getName() + " has no CARAVAN_KAFKA_PARTITIONS")))
                .collect(Collectors.toSet());
        assertThat(counts)
                .as("one partition count for every topic and component")
                .hasSize(1);
        int partitions = Integer.parseInt(counts.iterator().next());
        // Their consumer groups (application.yml, InvitationsFromEvents); event-service and the gateway consume
        // nothing.
        List<String> consumers =
                List.of("identity-service", "volunteer-service", "donation-service", "notification-service");
        for (String consumer : consumers) {
            assertThat(rendering.autoscaler(consumer).orElseThrow().getSpec().getMaxReplicas())
                    .as(consumer + " scales no further than the partitions it can be given")
                    .isLessThanOrEqualTo(partitions);
        }
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void secretsComeOnlyFromSecretReferencesNeverFromTheManifests(Rendering rendering) {
        assertThat(rendering.all(Secret.class)).isEmpty();
        for (ConfigMap configMap : rendering.all(ConfigMap.class)) {
            assertThat(configMap.getData().keySet())
                    .as(configMap.getMetadata().getName())
                    .noneMatch(key -> key.contains("secret") || key.contains("password"));
        }
        for (Deployment deployment : rendering.deployments()) {
            String component = deployment.getMetadata().getName();
            Container container = Rendering.container(deployment);
            assertThat(container.getEnvFrom()).as(component).isNullOrEmpty();
            for (EnvVar env : container.getEnv()) {
                if (SECRET_NAME.matcher(env.getName()).matches()) {
                    assertThat(env.getValue())
                            .as(component + " " + env.getName())
                            .isNull();
                    assertThat(env.getValueFrom().getSecretKeyRef())
                            .as(component + " " + env.getName())
                            .isNotNull();
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void theSecretsEachComponentRequiresAreReferencedAndNotOptional(Rendering rendering) {
        for (String component : Project.COMPONENTS) {
            Deployment deployment = rendering.find(Deployment.class, component).orElseThrow();
            List<String> required = Stream.concat(
                            Project.requiredSecretVariables(component).stream(),
                            Project.composeRequiredVariables(component).stream())
                    .distinct()
                    .toList();
            if (!List.of("event-service", "donation-service").contains(component)) {
                assertThat(required).as(component + " requires secrets").isNotEmpty();
            }
            for (String variable : required) {
                var reference = Rendering.env(deployment, variable)
                        .map(env -> env.getValueFrom() == null
                                ? null
                                : env.getValueFrom().getSecretKeyRef())
                        .orElse(null);
                assertThat(reference)
                        .as(component + " " + variable + " from a Secret")
                        .isNotNull();
                assertThat(reference.getOptional())
                        .as(component + " " + variable)
                        .isNotEqualTo(Boolean.TRUE);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void everyVariableComposeGivesAComponentItIsGivenHereToo(Rendering rendering) {
        for (String component : Project.COMPONENTS) {
            Deployment deployment = rendering.find(Deployment.class, component).orElseThrow();
            Set<String> here = Rendering.container(deployment).getEnv().stream()
                    .map(EnvVar::getName)
                    .collect(Collectors.toSet());
            assertThat(here)
                    .as(component + " (external PostgreSQL and Kafka, the provider, mail, secrets)")
                    .containsAll(Project.composeEnvironment(component).keySet());
        }
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void everyConfigMapKeyReferencedExistsAndEverySecretKeyIsInTheReadmesCommands(Rendering rendering) {
        String readme = Project.readme();
        for (Deployment deployment : rendering.deployments()) {
            String component = deployment.getMetadata().getName();
            for (EnvVar env : Rendering.container(deployment).getEnv()) {
                if (env.getValueFrom() == null) {
                    continue;
                }
                var configMapKey = env.getValueFrom().getConfigMapKeyRef();
                if (configMapKey != null) {
                    assertThat(rendering.value(deployment, env.getName()))
                            .as(component + " " + env.getName() + " from " + configMapKey.getName() + " "
                                    + configMapKey.getKey())
                            .isPresent();
                }
                var secretKey = env.getValueFrom().getSecretKeyRef();
                if (secretKey != null && Boolean.TRUE.equals(secretKey.getOptional())) {
                    assertThat(readme.contains(secretKey.getKey()))
                            .as(component + " " + env.getName() + ": the README names the optional key "
                                    + secretKey.getKey())
                            .isTrue();
                } else if (secretKey != null) {
                    assertThat(secretCommand(readme, secretKey.getName()))
                            .as(component + " " + env.getName() + ": the README's kubectl create secret generic "
                                    + secretKey.getName())
                            .contains("--from-literal=" + secretKey.getKey() + "=");
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void eachServiceSelectsItsDeploymentsPodsOnNamedContainerPorts(Rendering rendering) {
        for (Deployment deployment : rendering.deployments()) {
            String component = deployment.getMetadata().getName();
            Service service = rendering.service(component).orElseThrow();
            Map<String, String> selector = service.getSpec().getSelector();
            assertThat(podLabels(deployment).entrySet()).as(component).containsAll(selector.entrySet());
            for (Deployment other : rendering.deployments()) {
                if (other != deployment) {
                    assertThat(podLabels(other).entrySet().containsAll(selector.entrySet()))
                            .as("service " + component + " selects "
                                    + other.getMetadata().getName())
                            .isFalse();
                }
            }
            for (ServicePort port : service.getSpec().getPorts()) {
                String name = port.getTargetPort().getStrVal();
                assertThat(name).as(component + " targets a named port").isNotNull();
                assertThat(port.getPort()).isEqualTo(containerPort(Rendering.container(deployment), name));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void theGatewayFindsEachReplicaOfEachServiceAndAsksItsReadinessOnItsManagementPort(Rendering rendering) {
        Deployment gateway = rendering.find(Deployment.class, "gateway").orElseThrow();
        for (String route : List.of("EVENT", "VOLUNTEER", "DONATION", "NOTIFICATION")) {
            URI uri = URI.create(rendering
                    .value(gateway, "CARAVAN_GATEWAY_ROUTES_" + route + "_URI")
                    .orElseThrow());
            Service service = rendering.service(uri.getHost()).orElseThrow();
            Deployment target = rendering.find(Deployment.class, uri.getHost()).orElseThrow();
            assertThat(service.getSpec().getClusterIP())
                    .as(uri.getHost() + " resolves to one address per ready pod")
                    .isEqualTo("None");
            assertThat(uri.getPort()).isEqualTo(containerPort(Rendering.container(target), "http"));
            assertThat(rendering.value(gateway, "CARAVAN_GATEWAY_ROUTES_" + route + "_READINESS_PORT"))
                    .as(route)
                    .isEqualTo(rendering.value(target, "MANAGEMENT_SERVER_PORT"));
        }
        URI backChannel = URI.create(rendering
                .value(gateway, "CARAVAN_GATEWAY_ISSUER_BACK_CHANNEL_URI")
                .orElseThrow());
        assertThat(rendering.service(backChannel.getHost())).isPresent();
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void labelsNameTheComponentAndTheSystemOnEveryObject(Rendering rendering) {
        for (HasMetadata object : rendering.objects()) {
            Map<String, String> labels = object.getMetadata().getLabels();
            assertThat(labels)
                    .as(object.getKind() + " " + object.getMetadata().getName())
                    .containsEntry("app.kubernetes.io/part-of", "caravan")
                    .containsKey("app.kubernetes.io/name");
        }
        for (String component : Project.COMPONENTS) {
            Deployment deployment = rendering.find(Deployment.class, component).orElseThrow();
            Stream.of(
                            deployment,
                            rendering.service(component).orElseThrow(),
                            rendering.budget(component).orElseThrow(),
                            rendering.autoscaler(component).orElseThrow())
                    .forEach(object -> assertThat(object.getMetadata().getLabels())
                            .as(object.getKind() + " " + component)
                            .containsEntry("app.kubernetes.io/name", component)
                            .isEqualTo(deployment.getMetadata().getLabels()));
            assertThat(podLabels(deployment)).isEqualTo(deployment.getMetadata().getLabels());
            assertThat(podLabels(deployment).entrySet())
                    .containsAll(
                            deployment.getSpec().getSelector().getMatchLabels().entrySet());
        }
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void podsRunAsTheImagesUnprivilegedUserWithoutAnApiToken(Rendering rendering) {
        for (Deployment deployment : rendering.deployments()) {
            String component = deployment.getMetadata().getName();
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(component).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).as(component).isEqualTo(10001L);
            assertThat(pod.getAutomountServiceAccountToken()).as(component).isFalse();
            var container = Rendering.container(deployment).getSecurityContext();
            assertThat(container.getAllowPrivilegeEscalation()).as(component).isFalse();
            assertThat(container.getCapabilities().getDrop()).as(component).containsExactly("ALL");
        }
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void podsAreGivenLongerToStopThanTheirDrainAndShutdownTake(Rendering rendering) {
        for (Deployment deployment : rendering.deployments()) {
            String component = deployment.getMetadata().getName();
            Duration drain = rendering
                    .value(deployment, "CARAVAN_WEB_SHUTDOWN_DRAIN")
                    .map(KubernetesManifestsTests::seconds)
                    .orElse(Duration.ZERO);
            Duration pause = preStopSleep(Rendering.container(deployment));
            assertThat(drain.plus(pause))
                    .as(component + " is taken out of rotation before it stops accepting requests")
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(5));
            Duration shutdown = rendering
                    .value(deployment, "SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE")
                    .map(KubernetesManifestsTests::seconds)
                    .orElseThrow();
            assertThat(Duration.ofSeconds(
                            deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds()))
                    .as(component)
                    .isGreaterThan(drain.plus(pause).plus(shutdown));
        }
    }

    @Test
    void theBaseRunsTheImagesCaravanImagesBuilds() {
        for (Deployment deployment : Rendering.of("base").deployments()) {
            assertThat(Rendering.container(deployment).getImage())
                    .isEqualTo("caravan/" + deployment.getMetadata().getName() + ":0.1.0");
        }
    }

    @Test
    void theExampleOverlaySetsRegistryNamespaceReplicasAndAddresses() {
        Rendering overlay = Rendering.of("overlays/example");
        assertThat(overlay.objects())
                .extracting(object -> object.getMetadata().getNamespace())
                .containsOnly("caravan");
        for (Deployment deployment : overlay.deployments()) {
            assertThat(Rendering.container(deployment).getImage())
                    .isEqualTo("registry.example.org/caravan/"
                            + deployment.getMetadata().getName() + ":0.1.0");
        }
        assertThat(overlay.find(Deployment.class, "notification-service")
                        .orElseThrow()
                        .getSpec()
                        .getReplicas())
                .isEqualTo(3);
        Map<String, String> settings =
                overlay.find(ConfigMap.class, "caravan-settings").orElseThrow().getData();
        assertThat(settings)
                .containsEntry("database-host", "caravan-db.postgres.example.internal")
                .containsEntry("kafka-partitions", "12");
        assertThat(settings.keySet())
                .containsExactlyInAnyOrderElementsOf(Rendering.of("base")
                        .find(ConfigMap.class, "caravan-settings")
                        .orElseThrow()
                        .getData()
                        .keySet());
    }

    private static void assertProbe(String component, Container container, Probe probe, String path) {
        assertThat(probe).as(component + " " + path).isNotNull();
        HTTPGetAction get = probe.getHttpGet();
        assertThat(get.getPath()).as(component).isEqualTo(path);
        int port = get.getPort().getIntVal() != null
                ? get.getPort().getIntVal()
                : containerPort(container, get.getPort().getStrVal());
        assertThat(port).as(component + " " + path).isEqualTo(containerPort(container, "management"));
    }

    private static int containerPort(Container container, String name) {
        return container.getPorts().stream()
                .filter(port -> name.equals(port.getName()))
                .map(ContainerPort::getContainerPort)
                .findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " has no port named " + name));
    }

    private static Map<String, String> podLabels(Deployment deployment) {
        return deployment.getSpec().getTemplate().getMetadata().getLabels();
    }

    /** The README's command creating this Secret, continuation lines included. */
    private static String secretCommand(String readme, String secret) {
        int start = readme.indexOf("create secret generic " + secret + " ");
        assertThat(start).as("the README creates the Secret " + secret).isNotNegative();
        int end = start;
        do {
            end = readme.indexOf('\n', end + 1);
        } while (end > 0 && readme.charAt(end - 1) == '\\');
        return readme.substring(start, end);
    }

    private static Duration preStopSleep(Container container) {
        if (container.getLifecycle() == null || container.getLifecycle().getPreStop() == null) {
            return Duration.ZERO;
        }
        List<String> command = container.getLifecycle().getPreStop().getExec().getCommand();
        assertThat(command).hasSize(2).first().isEqualTo("sleep");
        return Duration.ofSeconds(Long.parseLong(command.get(1)));
    }

    private static Duration seconds(String value) {
        assertThat(value).matches("\\d+s");
        return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
    }
}
