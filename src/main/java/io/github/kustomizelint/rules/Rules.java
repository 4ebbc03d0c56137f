package io.github.kustomizelint.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The registry: every rule, once, in documentation order. */
public final class Rules {

  private static final List<Rule> ALL = List.of(
      new PatchTargetMissing(),
      new PatchTargetAmbiguous(),
      new PatchNoEffect(),
      new PatchElementNoEffect(),
      new PatchUnverifiable(),
      new JsonPatchWithoutTarget(),
      new JsonPatchPathMissing(),
      new NameReferenceAmbiguous(),
      new ReplacementSourceMissing(),
      new ReplacementSourceAmbiguous(),
      new ReplacementFieldMissing(),
      new VarTargetMissing(),
      new VarFieldMissing(),
      new VarConflict(),
      new ReplicasTargetMissing(),
      new MissingFile(),
      new OutsideRoot(),
      new DuplicateResource(),
      new KustomizationCycle(),
      new MultipleKustomizations(),
      new InvalidKustomization(),
      new InvalidManifest(),
      new GeneratorBehavior(),
      new SortOptionsInvalid(),
      new PatchDeleteAll(),
      new PatchMultipleDocuments(),
      new ManifestMultipleResources(),
      new OrphanManifest(),
      new DeprecatedField(),
      new LimitExceeded(),
      new UnusedSuppression());

  private static final Map<String, Rule> BY_ID = index(ALL);

  private Rules() {}

  public static List<Rule> all() {
    return ALL;
  }

  /** What reporters need to know of every rule. */
  public static List<io.github.kustomizelint.report.RuleDoc> docs() {
    return ALL.stream().map(r -> new io.github.kustomizelint.report.RuleDoc(
        r.id(), r.defaultSeverity(), r.description(), r.help())).toList();
  }

  public static Rule byId(String id) {
    return BY_ID.get(id);
  }

  static Map<String, Rule> index(List<Rule> rules) {
    Map<String, Rule> byId = new LinkedHashMap<>();
    for (Rule r : rules) {
      if (byId.put(r.id(), r) != null) {
        throw new IllegalStateException("two rules with id " + r.id());
      }
    }
    return Map.copyOf(byId);
  }
}
