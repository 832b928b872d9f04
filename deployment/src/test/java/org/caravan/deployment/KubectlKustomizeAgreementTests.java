package org.caravan.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

/**
 * The renderer the build relies on against Kustomize itself. Runs only where {@code kubectl} is on the PATH; where it
 * is not, each case is reported as skipped (not passed), and {@code -Dcaravan.deployment.require-kubectl=true}
 * turns a missing kubectl into a failure, for a machine that is meant to have one.
 */
@DisplayName("KustomizeSubset renders what kubectl kustomize renders (where kubectl is on the PATH)")
class KubectlKustomizeAgreementTests {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"base", "overlays/example"})
    void rendersTheSameObjectsAsKubectlKustomizeWhereKubectlIsOnThePath(String kustomization) throws Exception {
        Optional<Path> kubectl = kubectl();
        if (kubectl.isEmpty()) {
            if (Boolean.getBoolean("caravan.deployment.require-kubectl")) {
                fail("kubectl is not on the PATH, and caravan.deployment.require-kubectl is set");
            }
            Assumptions.abort("kubectl is not on the PATH: the comparison with kubectl kustomize did not run");
        }
        Path directory = Rendering.KUBERNETES.resolve(kustomization);
        Process process = new ProcessBuilder(kubectl.get().toString(), "kustomize", directory.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();

        Map<String, ObjectNode> theirs = byId(KustomizeSubset.documents(output, "kubectl kustomize " + directory));
        Map<String, ObjectNode> ours = byId(KustomizeSubset.render(directory));

        assertThat(ours.keySet()).containsExactlyElementsOf(theirs.keySet());
        ours.forEach((id, object) -> assertThat(object).as(id).isEqualTo(theirs.get(id)));
    }

    private static Map<String, ObjectNode> byId(List<ObjectNode> objects) {
        Map<String, ObjectNode> byId = new TreeMap<>();
        objects.forEach(object -> byId.put(KustomizeSubset.id(object), object));
        assertThat(byId).hasSameSizeAs(objects);
        return byId;
    }

    private static Optional<Path> kubectl() throws IOException {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String entry : path.split(File.pathSeparator)) {
            Path candidate = Path.of(entry, "kubectl");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
