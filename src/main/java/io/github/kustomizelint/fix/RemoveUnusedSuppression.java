package io.github.kustomizelint.fix;

import io.github.kustomizelint.model.Location;
import io.github.kustomizelint.model.Suppression;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** unused-suppression: the stale id leaves the comment's list, or the comment goes. */
final class RemoveUnusedSuppression implements Fixer {

  private static final Pattern IDS = Pattern.compile(
      "#\\s*kustomize-lint:(?:disable|disable-file)\\s*=\\s*([A-Za-z0-9_-]+(?:\\s*,\\s*[A-Za-z0-9_-]+)*)");

  @Override
  public String ruleId() {
    return "unused-suppression";
  }

  @Override
  public List<Fix> fixes(FixContext c, List<Refusal> refused) {
    Map<Location, List<String>> stale = new LinkedHashMap<>();
    for (Suppression s : c.analysis().context().unusedSuppressions()) {
      if (c.reported(ruleId(), s.location())) {
        stale.computeIfAbsent(s.location(), k -> new ArrayList<>()).add(s.ruleId());
      }
    }
    List<Fix> out = new ArrayList<>();
    for (Map.Entry<Location, List<String>> e : stale.entrySet()) {
      Location at = e.getKey();
      YamlText t = c.text(at.file());
      TextEdit edit = t == null ? null : edit(t, at, Set.copyOf(e.getValue()));
      if (edit == null) {
        refused.add(new Refusal(ruleId(), at, "the comment is not where it was read"));
        continue;
      }
      // One fix per comment, reported at the comment: every stale id there shares it.
      out.add(new Fix(ruleId(), at, "removed stale suppression of "
          + String.join(", ", e.getValue()), List.of(new FileChange.Edit(at.file(),
          List.of(edit))), 0));
    }
    return out;
  }

  private static TextEdit edit(YamlText t, Location at, Set<String> drop) {
    int line = at.line() - 1;
    String text = t.line(line);
    // Suppressions count columns in chars of the line.
    int hash = at.column() - 1;
    Matcher m = IDS.matcher(text);
    if (hash < 0 || hash >= text.length() || !m.find(hash) || m.start() != hash) {
      return null;
    }
    List<String> ids = List.of(m.group(1).split("\\s*,\\s*"));
    List<String> keep = ids.stream().filter(id -> !drop.contains(id.trim())).toList();
    int base = t.lineStart(line);
    if (!keep.isEmpty()) {
      return new TextEdit(base + m.start(1), base + m.end(1),
          keep.stream().collect(Collectors.joining(",")));
    }
    String before = text.substring(0, hash);
    if (before.isBlank()) {
      return TextEdit.delete(base, t.lineStart(line + 1));
    }
    // A trailing comment: drop it and the spaces before it, keep the line's content.
    return TextEdit.delete(base + before.stripTrailing().length(), base + text.length());
  }
}
