package dev.lazaret.storage.rocks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.RocksDBException;
import org.rocksdb.Status;

/** A store that cannot be opened for lack of space says so in one line, with the free space. */
class OpenFailureTest {

  @TempDir Path dir;

  @Test
  void noSpaceNamesTheDirectoryAndItsFreeSpaceInOneLine() {
    String rocks = "While appending to file: " + dir + "/MANIFEST-000017: No space left on device";
    RocksDBException e = new RocksDBException(rocks,
        new Status(Status.Code.IOError, Status.SubCode.NoSpace, rocks));

    String message = OpenFailure.explain(dir, e).getMessage();

    assertThat(OpenFailure.isNoSpace(e)).isTrue();
    assertThat(message).matches("data directory " + java.util.regex.Pattern.quote(dir.toString())
        + " is full \\(\\d+\\.\\d MiB free\\): the store cannot be opened; free some space and"
        + " start again");
  }

  @Test
  void otherFailuresAreNotTakenForAFullDisk() {
    RocksDBException e = new RocksDBException("lock hold by current process",
        new Status(Status.Code.IOError, Status.SubCode.None, "While lock file: " + dir + "/LOCK"));
    assertThat(OpenFailure.isNoSpace(e)).isFalse();
  }
}
