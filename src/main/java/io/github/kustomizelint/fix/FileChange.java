package io.github.kustomizelint.fix;

import java.nio.file.Path;
import java.util.List;

/** One change a fix makes to the tree. */
public sealed interface FileChange {

  Path file();

  /** Text edits to an existing file; everything outside them is kept byte for byte. */
  record Edit(Path file, List<TextEdit> edits) implements FileChange {
    public Edit {
      edits = List.copyOf(edits);
    }
  }

  /** A new file; a fix never overwrites one. */
  record Create(Path file, String text) implements FileChange {}

  /** A file the fix emptied. */
  record Delete(Path file) implements FileChange {}
}
