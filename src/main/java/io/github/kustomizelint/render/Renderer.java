package io.github.kustomizelint.render;

import io.github.kustomizelint.content.KyamlEmitter;
import io.github.kustomizelint.content.Unmodelled;
import io.github.kustomizelint.content.YNode;
import io.github.kustomizelint.content.YNode.YMap;
import io.github.kustomizelint.content.YNode.YScalar;
import io.github.kustomizelint.content.YNodes;
import io.github.kustomizelint.load.KustomizationReader;
import io.github.kustomizelint.load.YamlCache;
import io.github.kustomizelint.load.YamlFile;
import io.github.kustomizelint.model.Entry;
import io.github.kustomizelint.model.Kustomization;
import io.github.kustomizelint.model.Location;
import io.github.kustomizelint.model.ResourceId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Renders a kustomization's output as {@code kustomize build} prints it, for the subset of
 * kustomize the steps model: local resources (files and nested kustomizations), then the
 * transformers in kustomize's order (api/internal/target/kusttarget_configplugin.go), then
 * the legacy sort at the root. Anything else is {@link Unmodelled}: no output is a guess.
 * One instance per run; each directory's objects are rendered once.
 */
public final class Renderer {

  /** kustomize's transformer order; only the modelled ones are listed. */
  private static final List<Step> STEPS = List.of(new StrategicMergeStep(), new PatchesStep(),
      new NamespaceStep(), new NameAffixStep(), new LabelsStep(), new AnnotationsStep(),
      new Json6902Step(), new ReplicasStep(), new ImagesStep(), new ReplacementsStep(),
      new TransformersStep(), new VarsStep());

  /** Run after the resources, before the components and the transformers. */
  private static final Step GENERATORS = new GeneratorStep();

  // Fields that change nothing in the output, and the ones the resource loading consumes.
  private static final Set<String> INERT = Set.of("apiVersion", "kind", "metadata", "resources",
      "bases");
  private static final List<String> FILE_NAMES =
      List.of("kustomization.yaml", "kustomization.yml", "Kustomization");
  private static final Pattern REMOTE = Pattern.compile(
      "^(?:[a-zA-Z][a-zA-Z0-9+.-]*://|git@|git::|github\\.com/)");

  private final YamlCache cache;
  private final Function<Path, KustomizationReader.Result> reader;
  private final Map<Path, List<YMap>> done = new HashMap<>();
  private final Map<Path, Unmodelled> failed = new HashMap<>();
  private final Map<Path, List<Notices.Notice>> notices = new HashMap<>();
  // Rendering every body (the build goal), a manifest several builds list is read into the
  // same content nodes each time, which the emitter then writes once. Both memories are
  // bounded by the heap: content nodes take several times their text.
  private static final long HEAP = Runtime.getRuntime().maxMemory();
  private final Recent<Path, List<YMap>> converted = new Recent<>(HEAP / 32);
  private final Set<Path> open = new HashSet<>();
  private Path lastTop;
  private List<YMap> lastTopObjects;
  private final Function<Path, CheckBodies.Whole> whole;
  private final Inputs in;
  // overlays print their bases' unchanged objects again: their large bodies are written once
  private final KyamlEmitter emitter = new KyamlEmitter(HEAP / 16);

  public Renderer(YamlCache cache) {
    this(cache, once(new KustomizationReader(cache)), null);
  }

  /**
   * A renderer reading kustomization files through {@code reader} (the check's, shared),
   * which reads each file once. Where {@code whole} gives a kustomization directory a test of
   * objects, a manifest it lists that the cache skimmed and that holds no object the test
   * accepts is rendered from its skeletons: for the check, whose failures lie in the
   * bodies of the kinds it names ({@link CheckBodies}). Null: every body, everywhere.
   */
  public Renderer(YamlCache cache, Function<Path, KustomizationReader.Result> reader,
      Function<Path, CheckBodies.Whole> whole) {
    this.cache = cache;
    this.reader = reader;
    this.whole = whole;
    this.in = new Inputs(cache, dir -> objects(dir, true));
  }

  /** What came of rendering one directory: its text, or the feature that kept it from us. */
  public record Result(String yaml, Unmodelled unmodelled) {
    public boolean rendered() {
      return yaml != null;
    }
  }

  /**
   * What stops dir, when it is {@code feature} (the start of its name) at a known place; else
   * null. For the check, which claims nothing where the renderer itself breaks. Renders no
   * further than the failure can lie: the transformers for a JSON6902 or replacement failure,
   * the name references for an ambiguous one, the vars after them; nothing is emitted.
   */
  Unmodelled stoppedBy(Path dir, String feature) {
    Path root = dir.toAbsolutePath().normalize();
    Unmodelled stop;
    try {
      List<YMap> objects = objects(root);
      if (feature.equals(NameReferences.AMBIGUOUS) || feature.equals(VarsStep.FIELD_MISSING)) {
        atTop(root, kustomization(kustomizationFile(root)), objects,
            feature.equals(VarsStep.FIELD_MISSING));
      }
      return null;
    } catch (Unmodelled u) {
      stop = u;
    } catch (RuntimeException | StackOverflowError e) {
      return null; // a renderer bug, or content nested past the stack, never breaks the check
    }
    return stop.at() == null || !stop.feature().startsWith(feature) ? null : stop;
  }

  private static final io.github.kustomizelint.model.Problem.Kind SORT_OPTIONS =
      io.github.kustomizelint.model.Problem.Kind.SORT_OPTIONS_INVALID;

  // Not cached with the directory's objects: an overlay over it builds.
  private Kustomization sortOptions(Path file) {
    KustomizationReader.Result r = reader.apply(file);
    if (r.problems().stream().anyMatch(p -> p.kind() == SORT_OPTIONS)) {
      throw new Unmodelled("a kustomization with problems the check reports", Location.of(file));
    }
    return r.kustomization();
  }

  private Kustomization kustomization(Path file) {
    return reader.apply(file).kustomization();
  }

  public Result render(Path dir) {
    try {
      Path root = dir.toAbsolutePath().normalize();
      Kustomization k = sortOptions(kustomizationFile(root));
      List<YMap> objects = TopLevel.finish(k, in, atTop(root, k, objects(root), true));
      List<YMap> cleaned = objects.stream().map(Renderer::finish).toList();
      return new Result(emitter.write(cleaned), null);
    } catch (Unmodelled u) {
      return new Result(null, u);
    }
  }

  /** What kustomize does at the top of a build: hashes, name references, then the vars. */
  private List<YMap> atTop(Path root, Kustomization top, List<YMap> objects, boolean vars) {
    List<YMap> named = NameReferences.apply(HashSuffix.apply(objects),
        in.config(root).nameReference());
    return !vars ? named : VarsStep.resolve(VarsStep.declared(top,
        d -> kustomization(kustomizationFile(d)), in), named, in.config(root).varReference());
  }

  // package-private for tests: the objects as the check renders them
  List<YMap> objects(Path dir) {
    return objects(dir, false);
  }

  /**
   * The objects of dir, kept for later when {@code included} (another kustomization lists it,
   * so more may): a top build's are kept only until the next, which bounds the memory to the
   * bases rather than every build of the tree.
   */
  private List<YMap> objects(Path dir, boolean included) {
    List<YMap> known = dir.equals(lastTop) ? lastTopObjects : done.get(dir);
    if (known != null) {
      return known;
    }
    Unmodelled before = failed.get(dir);
    if (before != null) {
      throw before; // an overlay of a base that stops stops there too, and need not redo it
    }
    Notices.open();
    try {
      List<YMap> result = List.copyOf(accumulate(dir, List.of(), TransformerConfig.NONE,
          false));
      if (included) {
        done.put(dir, result);
      } else {
        lastTop = dir;
        lastTopObjects = result;
      }
      return result;
    } catch (Unmodelled u) {
      failed.put(dir, u);
      throw u;
    } finally {
      notices.put(dir, Notices.close());
    }
  }

  /**
   * The silent outcomes of dir's own steps (not its bases') named {@code feature} (the start
   * of their name), as far as it renders. For the check's warnings.
   */
  List<Notices.Notice> noticed(Path dir, String feature) {
    Path root = dir.toAbsolutePath().normalize();
    try {
      objects(root);
    } catch (RuntimeException | StackOverflowError e) {
      // what rendered before the stop was modelled (content nested past the stack included)
    }
    return notices.getOrDefault(root, List.of()).stream()
        .filter(n -> n.feature().startsWith(feature)).toList();
  }

  /**
   * kustomize's accumulateTarget: resources, generators, components, then the transformers.
   * A Component starts from the objects of the kustomization that lists it, so its
   * generators and transformers act on those too.
   */
  private List<YMap> accumulate(Path dir, List<YMap> before, TransformerConfig inherited,
      boolean component) {
    Path file = kustomizationFile(dir);
    if (!open.add(dir)) {
      throw new Unmodelled("a cycle of kustomizations", Location.of(file));
    }
    try {
      KustomizationReader.Result r = reader.apply(file);
      Kustomization k = r.kustomization();
      // kustomize checks sortOptions only in the kustomization it builds (see sortOptions)
      if (k == null || r.problems().stream().anyMatch(p -> p.kind() != SORT_OPTIONS)) {
        throw new Unmodelled("a kustomization with problems the check reports",
            Location.of(file));
      }
      if (k.component() != component) {
        throw new Unmodelled(component ? "a Kustomization listed as a component"
            : "a Component listed as a resource", Location.of(file));
      }
      gate(k);
      openapi(k);
      List<YMap> objects = resources(k, before);
      // kustomize's accumulator merges the configurations it meets in build order, and a
      // component runs on the accumulator of the kustomization that lists it
      TransformerConfig config = inherited.plus(TransformerConfig.own(k, in))
          .plus(CrdConfig.own(k, in));
      for (Entry e : k.resources()) {
        config = config.plus(in.config(k.dir().resolve(e.value()).normalize()));
      }
      objects = GENERATORS.apply(k, in, objects);
      for (Entry c : k.components()) {
        if (REMOTE.matcher(c.value()).find()) {
          throw new Unmodelled("a remote component", c.location());
        }
        Path cdir = k.dir().resolve(c.value()).normalize();
        objects = accumulate(cdir, objects, config, true);
        config = in.config(cdir);
      }
      in.config(dir, config);
      for (Step s : STEPS) {
        objects = s.apply(k, in, objects);
      }
      return objects;
    } finally {
      open.remove(dir);
    }
  }

  private static Path kustomizationFile(Path dir) {
    for (String n : FILE_NAMES) {
      if (Files.isRegularFile(dir.resolve(n))) {
        return dir.resolve(n);
      }
    }
    throw new Unmodelled("a directory without a kustomization file", Location.of(dir));
  }

  private static Function<Path, KustomizationReader.Result> once(KustomizationReader reader) {
    Map<Path, KustomizationReader.Result> read = new HashMap<>();
    return file -> read.computeIfAbsent(file, reader::read);
  }

  private static void gate(Kustomization k) {
    Set<String> modelled = new LinkedHashSet<>(INERT);
    modelled.add("components");
    modelled.add("configurations"); // TransformerConfig
    modelled.add("crds"); // CrdConfig
    modelled.add("openapi"); // openapi()
    modelled.addAll(TopLevel.FIELDS);
    modelled.addAll(GENERATORS.fields());
    STEPS.forEach(s -> modelled.addAll(s.fields()));
    for (Map.Entry<String, Location> f : new java.util.TreeMap<>(k.fields()).entrySet()) {
      if (!modelled.contains(f.getKey())) {
        throw new Unmodelled("the kustomization field '" + f.getKey() + "'", f.getValue());
      }
    }
    if (!k.unread().isEmpty()) {
      throw new Unmodelled("a file outside the project, which is never read",
          k.unread().get(0).location());
    }
    // the generators and transformers lists' entries are each modelled or not by their step
    for (Entry o : k.opaque()) {
      if (!o.value().equals("transformers") && !o.value().equals("generators")) {
        throw new Unmodelled("opaque content (generators, transformers or Helm charts)",
            o.location());
      }
    }
  }

  // Without a path, openapi names the one built-in schema (any other version the check
  // reports), which the merge steps already use; a schema file is not modelled.
  private void openapi(Kustomization k) {
    if (!k.fields().containsKey("openapi")) {
      return;
    }
    YNode o = in.content(k).get("openapi");
    if (!KustomizationContent.absent(o) && (!(o instanceof YMap m) || m.get("path") != null)) {
      throw new Unmodelled("a custom openapi schema", k.fields().get("openapi"));
    }
  }

  private List<YMap> resources(Kustomization k, List<YMap> before) {
    List<YMap> out = new ArrayList<>(before);
    Set<ResourceId> ids = new HashSet<>();
    before.forEach(o -> ids.add(Objects.id(o)));
    for (Entry e : k.resources()) {
      if (REMOTE.matcher(e.value()).find()) {
        throw new Unmodelled("a remote resource", e.location());
      }
      Path p = k.dir().resolve(e.value()).normalize();
      List<YMap> add = Files.isDirectory(p) ? objects(p, true)
          : manifest(p, e.location(), k.dir());
      for (YMap o : add) {
        if (!ids.add(Objects.id(o))) {
          throw new Unmodelled("two objects with one id (kustomize refuses it)", o.at());
        }
        out.add(o);
      }
    }
    return out;
  }

  private List<YMap> manifest(Path file, Location entry, Path dir) {
    CheckBodies.Whole needs = whole == null ? null : whole.apply(dir);
    List<Node> skeletons = needs == null ? null : cache.skeletons(file);
    // a List's items come after the documents that follow it: those files are read as before
    if (skeletons != null && (skeletons.size() == 1 || skeletons.stream().anyMatch(d ->
        String.valueOf(io.github.kustomizelint.load.Nodes.fieldText(d, "kind"))
            .endsWith("List")))) {
      List<YMap> out = objects(file, skeletons);
      if (out.stream().noneMatch(o -> needs.test(Objects.apiVersion(o), Objects.kind(o),
          Objects.name(o)))) {
        return out;
      }
    } else if (skeletons != null) {
      List<List<YMap>> byDoc = new ArrayList<>();
      java.util.BitSet wanted = new java.util.BitSet();
      for (Node doc : skeletons) {
        List<YMap> objects = objects(file, List.of(doc));
        if (objects.stream().anyMatch(o -> needs.test(Objects.apiVersion(o), Objects.kind(o),
            Objects.name(o)))) {
          wanted.set(byDoc.size());
        }
        byDoc.add(objects);
      }
      if (wanted.cardinality() < skeletons.size()
          && (wanted.isEmpty() || some(file, skeletons, wanted, byDoc))) {
        List<YMap> out = new ArrayList<>();
        byDoc.forEach(out::addAll);
        return out;
      }
    }
    if (whole == null) {
      List<YMap> known = converted.get(file);
      if (known != null) {
        return known;
      }
    }
    YamlFile f = cache.readWhole(file);
    if (!f.readable()) {
      throw new Unmodelled("a resource file the check reports", entry);
    }
    List<YMap> out = objects(file, f.documents());
    if (whole == null && f.text() != null) {
      converted.put(file, out, f.text().length());
    }
    return out;
  }

  /**
   * Composes the wanted documents of a bundle (most of whose bytes are CRDs nobody needs)
   * whole in place of their skeletons, reading only their lines; false where that read does
   * not give exactly those documents at their lines (the caller then reads the file whole).
   */
  private boolean some(Path file, List<Node> skeletons, java.util.BitSet wanted,
      List<List<YMap>> byDoc) {
    int[] starts = new int[skeletons.size()];
    for (int i = 0; i < starts.length; i++) {
      starts[i] = skeletons.get(i).getStartMark().getLine();
    }
    YamlFile f = cache.readLines(file, line -> {
      int i = java.util.Arrays.binarySearch(starts, line);
      int doc = i >= 0 ? i : -i - 2; // the document whose lines these are
      return doc >= 0 && wanted.get(doc);
    });
    if (f == null || !f.readable() || f.documents().size() != wanted.cardinality()) {
      return false;
    }
    int j = 0;
    for (int i = wanted.nextSetBit(0); i >= 0; i = wanted.nextSetBit(i + 1), j++) {
      if (f.documents().get(j).getStartMark().getLine() != starts[i]) {
        return false;
      }
    }
    j = 0;
    for (int i = wanted.nextSetBit(0); i >= 0; i = wanted.nextSetBit(i + 1), j++) {
      byDoc.set(i, objects(file, List.of(f.documents().get(j))));
    }
    return true;
  }

  private static List<YMap> objects(Path file, List<Node> docs) {
    List<YMap> documents = new ArrayList<>();
    for (Node doc : docs) {
      YNode n = YNodes.of(file, doc);
      if (!(n instanceof YMap m)) {
        throw new Unmodelled("a document that is not a map", n.at());
      }
      documents.add(m);
    }
    List<YMap> out = ListItems.expand(documents);
    for (YMap m : out) {
      // an object may leave apiVersion out (kubectl: it matches no version then)
      if (Objects.kind(m).isEmpty()
          || Objects.apiVersion(m).isEmpty() && m.get("apiVersion") != null
          || Objects.name(m) == null) {
        throw new Unmodelled("an object without apiVersion, kind or metadata.name", m.at());
      }
    }
    return out;
  }

  // kustomize drops an annotations map its internal annotations leave empty (or null).
  private static YMap finish(YMap built) {
    YMap o = BuildIds.strip(built);
    YNode a = Objects.metadata(o).get("annotations");
    boolean empty = a instanceof YMap m ? m.fields().isEmpty()
        : a != null && KustomizationContent.absent(a);
    if (empty) {
      return o.with("metadata", Objects.metadata(o).without("annotations"));
    }
    if (a != null && !(a instanceof YMap)) {
      throw new Unmodelled("metadata.annotations that is not a map", a.at());
    }
    // kustomize re-sets annotations as strings of their text: 1 is "1", an empty value ""
    // (kubectl-checked)
    YMap am = (YMap) a;
    if (am == null || am.fields().stream().allMatch(f -> f.value() instanceof YScalar s
        && s.isString())) {
      return o;
    }
    List<YNode.Field> strings = new ArrayList<>();
    for (YNode.Field f : am.fields()) {
      if (!(f.value() instanceof YScalar s) || s.tag() != null) {
        throw new Unmodelled("an annotation value that is not a scalar", f.keyAt());
      }
      strings.add(new YNode.Field(f.key(), f.keyAt(), YScalar.string(s.value())));
    }
    return o.with("metadata", Objects.metadata(o).with("annotations",
        new YMap(strings, am.at())));
  }
}
