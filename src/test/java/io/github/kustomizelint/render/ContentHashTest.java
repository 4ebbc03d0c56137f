package io.github.kustomizelint.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.kustomizelint.content.YNode.YMap;
import io.github.kustomizelint.content.YNode.YScalar;
import org.junit.jupiter.api.Test;

/** Suffixes kubectl kustomize (v5.5.0) gave the same generated objects. */
class ContentHashTest {

  private static YMap object(String kind, String name, String key, String value) {
    return YMap.empty().with("apiVersion", YScalar.string("v1"))
        .with("kind", YScalar.string(kind))
        .with("metadata", YMap.empty().with("name", YScalar.string(name)))
        .with("data", YMap.empty().with(key, YScalar.string(value)));
  }

  @Test
  void nameIsNotPartOfTheHash() {
    // kustomize printed x-89g4tffbfk and other-name-89g4tffbfk for literal A=1
    assertEquals("89g4tffbfk", ContentHash.of(object("ConfigMap", "x", "A", "1")));
    assertEquals("89g4tffbfk", ContentHash.of(object("ConfigMap", "other-name", "A", "1")));
  }

  @Test
  void goJsonEscapesHtmlAndLineSeparators() {
    String value = "x\u2028y <&> \u2029 \\ \"";
    assertEquals("gmk6ggc868", ContentHash.of(object("ConfigMap", "esc", "ctl.txt", value)));
  }

  @Test
  void secretTypeIsPartOfTheHash() {
    // secretGenerator s, type kubernetes.io/tls, literal A=1 (data base64 "MQ==")
    YMap s = object("Secret", "s", "A", "MQ==").with("type",
        YScalar.string("kubernetes.io/tls"));
    assertEquals("mt7mk2g77f", ContentHash.of(s));
  }
}
