package io.github.kustomizelint.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kustomizelint.content.YNode;
import io.github.kustomizelint.content.YNode.YMap;
import io.github.kustomizelint.content.YNodes;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

class FieldSpecTest {

  private static YMap yaml(String text) {
    return (YMap) YNodes.of(Path.of("x.yaml"),
        new Yaml(new SafeConstructor(new LoaderOptions())).compose(new java.io.StringReader(text)));
  }

  @Test
  void pathSplitsOnSlashesKeepingEscapedOnesAndDroppingALeadingOne() {
    assertEquals(List.of("metadata", "annotations", "a/b"),
        FieldSpec.split("/metadata/annotations/a\\/b"));
  }

  @Test
  void commonLabelsIncludeEveryTemplateLabelsSpec() {
    assertTrue(FieldSpec.builtin("commonLabels").containsAll(FieldSpec.builtin("templateLabels")));
  }

  @Test
  void specOfAnotherKindLeavesTheObjectAlone() {
    YMap o = yaml("apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n");
    FieldSpec deployments = FieldSpec.of("spec/replicas", true, null, null, "Deployment");
    assertSame(o, deployments.apply(o, YNode.YScalar.string("1"), n -> n));
  }

  @Test
  void nullListOnThePathBecomesEmptyAsKustomizeWritesIt() {
    YMap o = yaml("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n"
        + "  initContainers: null\n");
    FieldSpec images = FieldSpec.of("spec/initContainers[]/image", true, null, null, null);
    YMap out = images.apply(o, null, n -> n);
    YNode init = ((YMap) out.get("spec")).get("initContainers");
    assertTrue(init instanceof YNode.YSeq s && s.items().isEmpty(), String.valueOf(init));
  }

  @Test
  void missingFieldIsNotCreatedWithoutCreate() {
    YMap o = yaml("apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec: {}\n");
    FieldSpec selector = FieldSpec.of("spec/selector/matchLabels", false, "batch", null, "Job");
    assertSame(o, selector.apply(o, YMap.empty(), n -> n));
  }
}
