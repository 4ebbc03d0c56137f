package io.github.kustomizelint.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.kustomizelint.load.YamlCache;
import io.github.kustomizelint.load.YamlFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each case under render/emitter holds one object (input.yaml) and what
 * {@code kubectl kustomize} (v5.5.0) printed for it (expected.yaml, recorded by
 * scripts/record-render.sh): the emitter must write the same bytes.
 */
class KyamlEmitterTest {

  static final Path CASES = Path.of("src/test/resources/render/emitter");

  static Stream<String> cases() throws IOException {
    try (Stream<Path> s = Files.list(CASES)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void writesWhatKustomizePrints(String name) throws IOException {
    Path input = CASES.resolve(name).resolve("input.yaml");
    YamlFile file = YamlCache.parse(input, Files.readString(input, StandardCharsets.UTF_8));
    assertEquals(null, file.problem());
    List<YNode.YMap> objects = file.documents().stream()
        .map(d -> (YNode.YMap) YNodes.of(input, d)).toList();
    String expected = Files.readString(CASES.resolve(name).resolve("expected.yaml"),
        StandardCharsets.UTF_8);
    assertEquals(expected, new KyamlEmitter().write(objects));
  }

  // every case written twice by one remembering emitter, then in reverse: the remembered
  // subtrees must come out as they were first written
  @Test
  void rememberedSubtreesWriteTheSameBytes() throws IOException {
    KyamlEmitter remembering = new KyamlEmitter(1L << 20, 0);
    List<String> names = cases().toList();
    List<String> reversed = new java.util.ArrayList<>(names);
    java.util.Collections.reverse(reversed);
    for (List<String> order : List.of(names, reversed)) {
      for (String name : order) {
        Path input = CASES.resolve(name).resolve("input.yaml");
        YamlFile file = YamlCache.parse(input, Files.readString(input, StandardCharsets.UTF_8));
        List<YNode.YMap> objects = file.documents().stream()
            .map(d -> (YNode.YMap) YNodes.of(input, d)).toList();
        String fresh = new KyamlEmitter().write(objects);
        assertEquals(fresh, remembering.write(objects), name);
        assertEquals(fresh, remembering.write(objects), name);
      }
    }
  }

  @Test
  void casesArePresent() throws IOException {
    assertFalse(cases().toList().isEmpty());
  }

  @Test
  void goFloatFormatting() {
    assertEquals("1.5e-07", KyamlEmitter.number(1.5e-7));
    assertEquals("1.2345675e+06", KyamlEmitter.number(1234567.5));
    assertEquals("0.0001", KyamlEmitter.number(0.0001));
    assertEquals("1e-05", KyamlEmitter.number(0.00001));
    assertEquals("0", KyamlEmitter.number(-0.0));
  }

  @Test
  void keyOrderIsGoYamlV2Natural() {
    assertEquals(true, KeyOrder.less("a2", "a10"));
    assertEquals(true, KeyOrder.less("a_b", "a2"));
    assertEquals(true, KeyOrder.less("10", "A"));
    assertEquals(false, KeyOrder.less("b", "B"));
  }
}
