package io.github.kustomizelint.render;

import io.github.kustomizelint.content.Unmodelled;
import io.github.kustomizelint.content.Values;
import io.github.kustomizelint.content.YNode;
import io.github.kustomizelint.content.YNode.YMap;
import io.github.kustomizelint.content.YNode.YScalar;
import io.github.kustomizelint.model.Kustomization;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code replicas}: kustomize's replica count transformer, one per entry. Each built-in field
 * spec sets spec.replicas (created when missing) on the objects of its kind whose current or
 * any previous name is the entry's; an entry that selects nothing makes kustomize fail.
 */
final class ReplicasStep implements Step {

  private static final List<FieldSpec> SPECS = FieldSpec.builtin("replicas");

  @Override
  public List<String> fields() {
    return List.of("replicas");
  }

  @Override
  public List<YMap> apply(Kustomization k, Inputs in, List<YMap> objects) {
    if (!k.fields().containsKey("replicas")) {
      return objects;
    }
    YNode list = in.content(k).get("replicas");
    List<YMap> out = new ArrayList<>(objects);
    for (YNode e : KustomizationContent.items(list, "replicas")) {
      Map<String, YNode> m = KustomizationContent.struct(e, List.of("name", "count"),
          "a replicas entry");
      set(out, KustomizationContent.string(m, "name"), count(m.get("count")), e,
          in.config(k).section("replicas", SPECS));
    }
    return out;
  }

  private static void set(List<YMap> objects, String name, String count, YNode entry,
      List<FieldSpec> specs) {
    boolean found = false;
    YScalar value = new YScalar(count, true, null, null);
    for (FieldSpec s : specs) {
      for (int i = 0; i < objects.size(); i++) {
        YMap o = objects.get(i);
        // kustomize finds objects by any id they had, then sets the field by the current one
        if (BuildIds.all(o).stream().anyMatch(id -> id.name().equals(name) && s.selects(id))) {
          found = true;
          objects.set(i, s.apply(o, value, n -> replace(n, value)));
        }
      }
    }
    if (!found) {
      throw new Unmodelled("replicas naming '" + name + "', which no Deployment,"
          + " ReplicationController, ReplicaSet or StatefulSet has; kustomize fails", entry.at());
    }
  }

  private static YNode replace(YNode old, YScalar value) {
    if (!(old instanceof YScalar s)) {
      throw new Unmodelled("spec.replicas that is not a scalar, where kustomize fails",
          old.at());
    }
    // kustomize keeps the field's style: a quoted count stays a string
    return new YScalar(value.value(), s.plain(), null, value.at());
  }

  // The count is an int64 (absent: 0), written as Go's strconv.FormatInt writes it.
  private static String count(YNode n) {
    if (KustomizationContent.absent(n)) {
      return "0";
    }
    Object v = n instanceof YScalar s ? Values.scalar(s) : null;
    if (v instanceof BigInteger b && b.bitLength() < 64) {
      return b.toString();
    }
    // a whole float decodes into the int64 (kubectl: 2.0, 2., 1e1, -0.0; 2.5 fails)
    if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 0x1p53) {
      return Long.toString(d.longValue());
    }
    throw new Unmodelled("a replicas count that is not an int64", n.at());
  }
}
