package org.caravan.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

class KustomizeSubsetTests {

    @TempDir
    Path directory;

    private Path base;

    @BeforeEach
    void base() throws IOException {
        base = Files.createDirectories(directory.resolve("base"));
        Files.writeString(
                base.resolve("kustomization.yaml"),
                """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - app.yaml
                """);
        Files.writeString(
                base.resolve("app.yaml"),
                """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                data:
                  host: postgres
                  port: "5432"
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: app
                spec:
                  replicas: 2
                  template:
                    spec:
                      containers:
                        - name: app
                          image: caravan/app:0.1.0
                        - name: helper
                          image: other/helper:1
                """);
    }

    @Test
    void anOverlayPatchesMapsThenSetsNamespaceReplicasAndImages() throws IOException {
        Path overlay = overlay(
                """
                namespace: caravan
                resources:
                  - ../base
                patches:
                  - path: settings.yaml
                replicas:
                  - name: app
                    count: 3
                images:
                  - name: caravan/app
                    newName: registry.example.org/caravan/app
                    newTag: 0.2.0
                """);
        Files.writeString(
                overlay.resolve("settings.yaml"),
                """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                data:
                  host: db.example.internal
                """);

        List<ObjectNode> objects = KustomizeSubset.render(overlay);

        assertThat(objects)
                .extracting(KustomizeSubset::id)
                .containsExactly("ConfigMap/caravan/settings", "Deployment/caravan/app");
        assertThat(objects.get(0).get("data").get("host").asString()).isEqualTo("db.example.internal");
        assertThat(objects.get(0).get("data").get("port").asString()).isEqualTo("5432");
        ObjectNode deployment = objects.get(1);
        assertThat(deployment.get("spec").get("replicas").asInt()).isEqualTo(3);
        var containers = deployment.get("spec").get("template").get("spec").get("containers");
        assertThat(containers.get(0).get("image").asString()).isEqualTo("registry.example.org/caravan/app:0.2.0");
        assertThat(containers.get(1).get("image").asString()).isEqualTo("other/helper:1");
    }

    @Test
    void aKustomizeFeatureOutsideTheSubsetIsRefused() throws IOException {
        Path overlay = overlay(
                """
                resources:
                  - ../base
                commonLabels:
                  team: caravan
                """);

        assertThatThrownBy(() -> KustomizeSubset.render(overlay))
                .hasMessageContaining("the field commonLabels is outside the subset");
    }

    @Test
    void aPatchWithAListIsRefusedRatherThanMergedByGuess() throws IOException {
        Path overlay = overlay(
                """
                resources:
                  - ../base
                patches:
                  - path: app.yaml
                """);
        Files.writeString(
                overlay.resolve("app.yaml"),
                """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: app
                spec:
                  template:
                    spec:
                      containers:
                        - name: app
                          image: caravan/app:0.3.0
                """);

        assertThatThrownBy(() -> KustomizeSubset.render(overlay))
                .hasMessageContaining("a list or a null at /spec/template/spec/containers");
    }

    @Test
    void anImageOrReplicaCountThatMatchesNothingIsRefused() throws IOException {
        Path images = overlay(
                """
                resources:
                  - ../base
                images:
                  - name: caravan/ap
                    newTag: 0.2.0
                """);
        assertThatThrownBy(() -> KustomizeSubset.render(images)).hasMessageContaining("is in no container");

        Path replicas = overlay(
                """
                resources:
                  - ../base
                replicas:
                  - name: ap
                    count: 3
                """);
        assertThatThrownBy(() -> KustomizeSubset.render(replicas)).hasMessageContaining("no such Deployment");
    }

    private Path overlay(String kustomization) throws IOException {
        Path overlay = Files.createTempDirectory(directory, "overlay");
        Files.writeString(
                overlay.resolve("kustomization.yaml"),
                "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n" + kustomization);
        return overlay;
    }
}
