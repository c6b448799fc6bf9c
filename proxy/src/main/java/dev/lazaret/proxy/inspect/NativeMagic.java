package dev.lazaret.proxy.inspect;

/** Recognises native executables by their first bytes: ELF, Mach-O (thin and fat) and PE. */
final class NativeMagic {

  private NativeMagic() {
  }

  /** Whether {@code head} (a file's first bytes) starts like a native binary. */
  static boolean matches(byte[] head) {
    if (head.length >= 4) {
      int magic = ((head[0] & 0xff) << 24) | ((head[1] & 0xff) << 16) | ((head[2] & 0xff) << 8)
          | (head[3] & 0xff);
      if (magic == 0x7f454c46 // ELF
          || magic == 0xfeedface || magic == 0xfeedfacf // Mach-O, big-endian
          || magic == 0xcefaedfe || magic == 0xcffaedfe // Mach-O, little-endian
          || magic == 0xcafebabe) { // Mach-O universal (also a Java class: rare in packages)
        return true;
      }
    }
    return head.length >= 2 && head[0] == 'M' && head[1] == 'Z';
  }
}
