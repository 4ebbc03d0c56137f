package io.github.kustomizelint.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.kustomizelint.load.YamlCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The silent outcomes of a strategic merge the check warns of (patch-element-no-effect), on
 * the kubectl-recorded list cases: each case's notices.txt lists them (line:column, then
 * what), a case without one has none: where kubectl's output shows the element merged or
 * deleted, nothing is said.
 */
class NoticesTest {

  static List<Path> cases() throws IOException {
    try (Stream<Path> s = Files.list(RendererTest.CASES.resolve(
        "smp-associative-lists-as-kyaml-walks-them"))) {
      return s.filter(Files::isDirectory).sorted().toList();
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void warnsWhereKubectlShowsTheElementChangedNothing(Path dir) throws IOException {
    Path listed = dir.resolve("notices.txt");
    List<String> expected = Files.exists(listed) ? Files.readAllLines(listed) : List.of();
    List<String> actual = new Renderer(new YamlCache()).noticed(dir, AssociativeList.NO_EFFECT)
        .stream().map(n -> n.at().line() + ":" + n.at().column() + " "
            + n.feature().substring(AssociativeList.NO_EFFECT.length() + 2)).toList();
    assertEquals(expected, actual);
  }
}
