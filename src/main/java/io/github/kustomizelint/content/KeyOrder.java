package io.github.kustomizelint.content;

/**
 * go-yaml v2's order of string map keys (its keyList.Less): letters compare by code point,
 * a letter sorts after a non-letter, and runs of digits compare by their numeric value, so
 * "a2" comes before "a10".
 */
final class KeyOrder {

  private KeyOrder() {}

  /** A comparator's answer from {@link #less}, as a sort needs it. */
  static int compare(String a, String b) {
    return less(a, b) ? -1 : less(b, a) ? 1 : 0;
  }

  static boolean less(String a, String b) {
    // keys are nearly always free of surrogates: their chars are their code points
    if (ScalarStyle.bmp(a) && ScalarStyle.bmp(b)) {
      return less(a::charAt, a.length(), b::charAt, b.length());
    }
    int[] ar = a.codePoints().toArray();
    int[] br = b.codePoints().toArray();
    return less(i -> ar[i], ar.length, i -> br[i], br.length);
  }

  private static boolean less(java.util.function.IntUnaryOperator ar, int alen,
      java.util.function.IntUnaryOperator br, int blen) {
    for (int i = 0; i < alen && i < blen; i++) {
      if (ar.applyAsInt(i) == br.applyAsInt(i)) {
        continue;
      }
      boolean al = Character.isLetter(ar.applyAsInt(i));
      boolean bl = Character.isLetter(br.applyAsInt(i));
      if (al && bl) {
        return ar.applyAsInt(i) < br.applyAsInt(i);
      }
      if (al || bl) {
        return bl;
      }
      long an = 0;
      long bn = 0;
      if (ar.applyAsInt(i) == '0' || br.applyAsInt(i) == '0') {
        for (int j = i - 1; j >= 0 && isDigit(ar.applyAsInt(j)); j--) {
          if (ar.applyAsInt(j) != '0') {
            an = 1;
            bn = 1;
            break;
          }
        }
      }
      int ai = i;
      for (; ai < alen && isDigit(ar.applyAsInt(ai)); ai++) {
        an = an * 10 + (ar.applyAsInt(ai) - '0');
      }
      int bi = i;
      for (; bi < blen && isDigit(br.applyAsInt(bi)); bi++) {
        bn = bn * 10 + (br.applyAsInt(bi) - '0');
      }
      if (an != bn) {
        return an < bn;
      }
      if (ai != bi) {
        return ai < bi;
      }
      return ar.applyAsInt(i) < br.applyAsInt(i);
    }
    return alen < blen;
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }
}
