package io.github.kustomizelint.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Scalars resolved as go-yaml v2 does, where SnakeYAML's YAML 1.1 resolver differs. */
class GoScalarTest {

  private static ScalarNode value(String yaml) {
    MappingNode m = (MappingNode) new Yaml(new LoaderOptions()).compose(
        new java.io.StringReader("v: " + yaml + "\n"));
    return (ScalarNode) m.getValue().get(0).getValueNode();
  }

  private static GoScalar of(String yaml) {
    return GoScalar.of(value(yaml));
  }

  @Test
  void numbersAsGoYamlReadsThem() {
    for (String n : new String[] {"2", "-7", "+3", "1.10", "1e3", "0x1F", "0o17", "0755",
        "0b101", "1_000", ".5", "089", ".inf", "-.Inf", ".nan", "18446744073709551615"}) {
      assertEquals(GoScalar.NUMBER, of(n), n);
    }
  }

  @Test
  void stringsSnakeYamlWouldReadAsSomethingElse() {
    for (String s : new String[] {"1:30", "2001-12-14", "!!str 12", "'3'", "\"true\"", "0o",
        "1.2.3", "v1", "maybe", "0x", "18446744073709551616x", "<<"}) {
      assertEquals(GoScalar.STRING, of(s), s);
    }
  }

  @Test
  void yaml11BooleansAndNulls() {
    for (String b : new String[] {"yes", "No", "ON", "off", "y", "N", "true", "False"}) {
      assertEquals(GoScalar.BOOL, of(b), b);
    }
    for (String n : new String[] {"", "~", "null", "NULL"}) {
      assertEquals(GoScalar.NULL, of(n), n);
    }
  }

  @Test
  void wholeNumbersForGoInts() {
    for (String w : new String[] {"3", "0x3", "2.0", "1e3", "1_000"}) {
      assertEquals(true, GoScalar.whole(value(w)), w);
    }
    for (String f : new String[] {"1.5", "1e-3", ".5"}) {
      assertEquals(false, GoScalar.whole(value(f)), f);
    }
  }
}
