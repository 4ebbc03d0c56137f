package io.github.kustomizelint.load;

import io.github.kustomizelint.model.Location;
import io.github.kustomizelint.model.Problem;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Reads each file once, under limits that keep hostile input from exhausting the build. */
public final class YamlCache {

  /** Larger than any manifest seen in real trees (the biggest CRD bundles are ~4 MiB). */
  static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

  private final Map<Path, YamlFile> files = new HashMap<>();

  public YamlFile read(Path file) {
    return files.computeIfAbsent(file, YamlCache::load);
  }

  public int size() {
    return files.size();
  }

  /** Every file read so far. */
  public java.util.Collection<YamlFile> files() {
    return files.values();
  }

  private static YamlFile load(Path file) {
    String text;
    try {
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES) {
        return failed(file, null, Location.of(file),
            "file is " + size + " bytes, over the " + MAX_FILE_BYTES + "-byte limit; not read");
      }
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
          .toString();
    } catch (NoSuchFileException e) {
      return failed(file, null, Location.of(file), "file does not exist");
    } catch (CharacterCodingException e) {
      return failed(file, null, Location.of(file), "file is not UTF-8 text");
    } catch (IOException e) {
      return failed(file, null, Location.of(file), "cannot read file: " + e.getMessage());
    }
    return parse(file, text);
  }

  /** Parses text that did not come from a file of its own (an inline patch). */
  public static YamlFile parse(Path file, String text) {
    List<Node> docs = new ArrayList<>();
    try {
      for (Node doc : new Yaml(options()).composeAll(new java.io.StringReader(text))) {
        if (doc != null && !(doc instanceof ScalarNode s && Tag.NULL.equals(s.getTag()))) {
          docs.add(doc);
        }
      }
    } catch (MarkedYAMLException e) {
      var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      Location at = mark == null ? Location.of(file)
          : new Location(file, mark.getLine() + 1, mark.getColumn() + 1);
      String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
      String ctx = e.getContext() != null ? e.getContext() + ": " : "";
      return failed(file, text, at, "YAML does not parse: " + ctx + what);
    } catch (YAMLException e) {
      return failed(file, text, Location.of(file), "YAML does not parse: " + e.getMessage());
    } catch (StackOverflowError e) {
      return failed(file, text, Location.of(file), "YAML nests too deeply to read");
    }
    return new YamlFile(file, text, docs, null);
  }

  private static YamlFile failed(Path file, String text, Location at, String message) {
    return new YamlFile(file, text, List.of(),
        new Problem(Problem.Kind.INVALID_MANIFEST, at, message));
  }

  private static LoaderOptions options() {
    LoaderOptions o = new LoaderOptions();
    // Duplicate keys are reported by the linter itself; compose() would not reject them anyway.
    o.setAllowDuplicateKeys(true);
    o.setMaxAliasesForCollections(100);
    o.setNestingDepthLimit(100);
    o.setCodePointLimit((int) MAX_FILE_BYTES);
    o.setAllowRecursiveKeys(false);
    return o;
  }
}
