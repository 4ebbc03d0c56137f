package io.github.kustomizelint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kustomizelint.model.Location;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SarifWriterTest {

  private static final List<RuleDoc> RULES = List.of(
      new RuleDoc("patch-target-missing", Severity.ERROR, "short", "long \"help\"\n"));

  @Test
  void writesValidSarifWithRealPositionsAndRelatedKustomization() throws Exception {
    Finding f = new Finding("patch-target-missing", Severity.ERROR,
        new Location(Path.of("config/overlays/release/p.yaml"), 15, 1),
        "quote \" backslash \\ tab\t and \u0001", Location.of(Path.of("config/k.yaml")));
    String json = new SarifWriter("1.2.3").render(Path.of("/repo"), RULES, List.of(f));
    JsonNode run = new ObjectMapper().readTree(json).get("runs").get(0);
    assertEquals("1.2.3", run.at("/tool/driver/version").asText());
    // help comes from the rule's section of docs/rules.md, with its examples
    assertTrue(run.at("/tool/driver/rules/0/help/markdown").asText().contains("### Fixed"));
    assertTrue(run.at("/tool/driver/rules/0/help/text").asText().contains("\nFailing example\n"));
    assertFalse(run.at("/tool/driver/rules/0/help/text").asText().contains("**"));
    JsonNode r = run.at("/results/0");
    assertEquals("patch-target-missing", r.get("ruleId").asText());
    assertEquals(0, r.get("ruleIndex").asInt());
    assertEquals("error", r.get("level").asText());
    assertEquals("quote \" backslash \\ tab\t and \u0001 (build: [config/k.yaml](1))",
        r.at("/message/text").asText());
    assertEquals("config/overlays/release/p.yaml",
        r.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
    assertEquals(15, r.at("/locations/0/physicalLocation/region/startLine").asInt());
    assertEquals("config/k.yaml",
        r.at("/relatedLocations/0/physicalLocation/artifactLocation/uri").asText());
    assertEquals("file:///repo/", run.at("/originalUriBaseIds/SRCROOT/uri").asText());
  }

  @Test
  void noFindingsIsAnEmptyResultList() throws Exception {
    String json = new SarifWriter(null).render(Path.of("/repo"), RULES, List.of());
    JsonNode run = new ObjectMapper().readTree(json).get("runs").get(0);
    assertEquals(0, run.get("results").size());
    assertFalse(run.at("/tool/driver/version").asText().isEmpty());
  }
}
