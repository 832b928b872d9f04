package org.caravan.deployment;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/** One kustomization rendered by {@link KustomizeSubset}, every object read strictly by {@link StrictModel}. */
record Rendering(String name, List<ObjectNode> documents, List<HasMetadata> objects) {

    static final Path KUBERNETES = Path.of("kubernetes");

    /** The base and every overlay: what an operator may apply. */
    static List<Rendering> all() {
        return List.of(of("base"), of("overlays/example"));
    }

    static Rendering of(String kustomization) {
        List<ObjectNode> documents = KustomizeSubset.render(KUBERNETES.resolve(kustomization));
        List<HasMetadata> objects = documents.stream()
                .map(document -> StrictModel.parse(
                        KustomizeSubset.YAML.writeValueAsString(document),
                        kustomization + ": " + KustomizeSubset.id(document)))
                .toList();
        return new Rendering(kustomization, documents, objects);
    }

    <T extends HasMetadata> List<T> all(Class<T> kind) {
        return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> kind, String objectName) {
        return all(kind).stream()
                .filter(object -> object.getMetadata().getName().equals(objectName))
                .findFirst();
    }

    List<Deployment> deployments() {
        return all(Deployment.class);
    }

    Optional<Service> service(String serviceName) {
        return find(Service.class, serviceName);
    }

    Optional<PodDisruptionBudget> budget(String budgetName) {
        return find(PodDisruptionBudget.class, budgetName);
    }

    Optional<HorizontalPodAutoscaler> autoscaler(String autoscalerName) {
        return find(HorizontalPodAutoscaler.class, autoscalerName);
    }

    static Container container(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    static Optional<EnvVar> env(Deployment deployment, String variable) {
        return container(deployment).getEnv().stream()
                .filter(env -> env.getName().equals(variable))
                .findFirst();
    }

    /** The variable's value as the pod sees it: literal, or from a ConfigMap of this rendering; empty for a Secret. */
    Optional<String> value(Deployment deployment, String variable) {
        return env(deployment, variable).flatMap(env -> {
            if (env.getValue() != null) {
                return Optional.of(env.getValue());
            }
            if (env.getValueFrom() != null && env.getValueFrom().getConfigMapKeyRef() != null) {
                var reference = env.getValueFrom().getConfigMapKeyRef();
                return find(ConfigMap.class, reference.getName())
                        .map(configMap -> configMap.getData().get(reference.getKey()));
            }
            return Optional.empty();
        });
    }

    @Override
    public String toString() {
        return name;
    }
}
