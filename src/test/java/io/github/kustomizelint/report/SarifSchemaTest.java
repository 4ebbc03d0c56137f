package io.github.kustomizelint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kustomizelint.LintOptions;
import io.github.kustomizelint.Linter;
import io.github.kustomizelint.rules.Rules;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SARIF report of a module in a repository subfolder, with a broken overlay in a folder
 * named with a space, {@code #} and {@code ü}: valid against the OASIS schema with formats
 * asserted (so raw URIs would fail), every URI resolving from the repository root.
 */
class SarifSchemaTest {

  static final String OVERLAY = "over lay #1 \u00fc";

  @TempDir
  Path repo;

  @Test
  void reportOfModuleInSubfolderIsValidAndResolvesFromRepositoryRoot() throws Exception {
    Path module = brokenModule(repo);
    String json = sarif(module, ReportPaths.of(module, null));
    assertEquals(List.of(), validate(json));

    JsonNode run = new ObjectMapper().readTree(json).get("runs").get(0);
    assertEquals("kustomize-lint/demo/", run.at("/automationDetails/id").asText());
    URI root = URI.create(run.at("/originalUriBaseIds/SRCROOT/uri").asText());
    assertEquals(repo.toRealPath().toUri().normalize().getPath(), root.getPath());
    JsonNode results = run.get("results");
    assertTrue(results.size() >= 1, json);
    Set<String> keys = new HashSet<>();
    for (JsonNode r : results) {
      for (JsonNode loc : List.of(r.at("/locations/0"), r.at("/relatedLocations/0"))) {
        String uri = loc.at("/physicalLocation/artifactLocation/uri").asText();
        assertTrue(uri.startsWith("module/"), uri);
        assertTrue(Files.exists(Path.of(root.resolve(uri))), uri + " resolves from the root");
      }
      assertTrue(keys.add(r.at("/partialFingerprints/kustomizeLint~1v1").asText()));
      assertTrue(r.at("/message/text").asText().endsWith("](1))"), "links its build");
    }
    JsonNode missing = results.get(0);
    assertEquals("patch-target-missing", missing.get("ruleId").asText());
    assertEquals("module/config/over%20lay%20%231%20%C3%BC/replicas.yaml",
        missing.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
    assertTrue(missing.at("/locations/0/physicalLocation/region/endLine").asInt() >= 2);
    JsonNode rule = run.at("/tool/driver/rules/0");
    assertEquals("PatchTargetMissing", rule.get("name").asText());
    assertTrue(rule.at("/help/markdown").asText().contains("### Failing example"));
    assertTrue(rule.get("helpUri").asText().endsWith("/docs/rules.md#patch-target-missing"));
  }

  @Test
  void withABaselineEachResultSaysWhetherItIsNew() throws Exception {
    Path module = brokenModule(repo);
    var findings = new Linter(LintOptions.of(module.resolve("config"), module)).run().findings();
    String json = new SarifWriter("1.0.0", null).render(ReportPaths.of(module, null),
        Rules.docs(), findings, Set.of(findings.get(0)));
    assertEquals(List.of(), validate(json));
    JsonNode results = new ObjectMapper().readTree(json).at("/runs/0/results");
    assertEquals("unchanged", results.get(0).get("baselineState").asText());
    assertFalse(new SarifWriter("1.0.0", null).render(ReportPaths.of(module, null),
        Rules.docs(), findings).contains("baselineState"), "no baseline, no state");
  }

  @Test
  void emptyRunWithoutRepositoryIsValidToo() throws Exception {
    Path module = Files.createDirectories(repo.resolve("plain"));
    String json = new SarifWriter("0.1.0-SNAPSHOT", "kustomize-lint/plain/")
        .render(ReportPaths.of(module, null), Rules.docs(), List.of());
    assertEquals(List.of(), validate(json));
    JsonNode run = new ObjectMapper().readTree(json).get("runs").get(0);
    assertEquals(0, run.get("results").size());
    assertEquals("0.1.0-SNAPSHOT", run.at("/tool/driver/semanticVersion").asText());
  }

  @Test
  void rawUrisWouldFailTheSchemaSoTheCheckCanFail() throws Exception {
    Path module = brokenModule(repo);
    String json = sarif(module, ReportPaths.of(module, null))
        .replace("over%20lay%20%231%20%C3%BC", OVERLAY);
    assertFalse(validate(json).isEmpty(), "an unencoded URI is refused by the format check");
  }

  static String sarif(Path module, ReportPaths paths) {
    var result = new Linter(LintOptions.of(module.resolve("config"), module)).run();
    return new SarifWriter("1.0.0", "kustomize-lint/demo/").render(paths, Rules.docs(),
        result.findings());
  }

  /** repo/.git and repo/module/config with a base and a broken overlay. */
  static Path brokenModule(Path repo) throws Exception {
    Files.createDirectories(repo.resolve(".git"));
    Path config = Files.createDirectories(repo.resolve("module/config"));
    Files.createDirectories(config.resolve("base"));
    Files.writeString(config.resolve("base/kustomization.yaml"), "resources:\n- deployment.yaml\n");
    Files.writeString(config.resolve("base/deployment.yaml"), "apiVersion: apps/v1\n"
        + "kind: Deployment\nmetadata:\n  name: manager\nspec:\n  replicas: 1\n");
    Path overlay = Files.createDirectories(config.resolve(OVERLAY));
    Files.writeString(overlay.resolve("kustomization.yaml"),
        "resources:\n- ../base\npatches:\n- path: replicas.yaml\n");
    Files.writeString(overlay.resolve("replicas.yaml"), "apiVersion: apps/v1\n"
        + "kind: Deployment\nmetadata:\n  name: manger\nspec:\n  replicas: 3\n");
    return repo.resolve("module");
  }

  static List<String> validate(String json) {
    return SarifSchema.errors(json);
  }
}
