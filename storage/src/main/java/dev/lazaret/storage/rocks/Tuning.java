package dev.lazaret.storage.rocks;

import java.util.ArrayList;
import java.util.List;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.Cache;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * Every RocksDB option object of the database, built in one place with the tuning constants at the
 * top. The options are native objects that must outlive the database, so this class owns them and
 * {@link #close()} releases them only after the database itself is closed.
 */
final class Tuning implements AutoCloseable {

  /**
   * Block cache shared by all families. Small on purpose: hot packuments live in Caffeine, so this
   * mostly holds index and filter blocks and the small metadata and manifest records.
   */
  private static final long BLOCK_CACHE_BYTES = 48L << 20;
  /**
   * Memtables of all families together, charged to the block cache so that RocksDB's memory
   * has one bound. Without it each of the dozen families could hold two 64 MiB memtables: a
   * burst of tarball writes kept 128 MiB of chunks resident until the flush.
   */
  private static final long WRITE_BUFFER_BUDGET = 32L << 20;
  /** One family's memtable: a flush every 16 MiB of tarball chunks keeps bursts bounded. */
  private static final long WRITE_BUFFER_BYTES = 16L << 20;
  /** Bloom filter density for point lookups (about 1% false positives). */
  private static final double BLOOM_BITS_PER_KEY = 10;
  /** Two cores on the target machine: one flush and one compaction at a time is plenty. */
  private static final int MAX_BACKGROUND_JOBS = 2;
  /** RocksDB's info LOG files in the data directory: enough for a post-mortem, bounded on disk. */
  private static final int KEEP_LOG_FILES = 5;
  private static final long MAX_LOG_FILE_BYTES = 16L << 20;
  /**
   * Chunk values at least this large go to blob files instead of the LSM tree, so compactions
   * never rewrite tarball bytes. Smaller values (tails of tiny tarballs) stay inline, where an
   * extra blob file read would cost more than it saves.
   */
  private static final long MIN_BLOB_BYTES = 4L << 10;
  private static final long BLOB_FILE_BYTES = 256L << 20;
  /**
   * JSON compresses well: fast LZ4 for fresh data, denser ZSTD once it settles at the bottom. Both
   * are linked into the rocksdbjni build we use; RocksDB refuses to open if one is not.
   */
  private static final CompressionType PACKUMENT_COMPRESSION = CompressionType.LZ4_COMPRESSION;
  private static final CompressionType PACKUMENT_BOTTOM_COMPRESSION = CompressionType.ZSTD_COMPRESSION;

  static {
    RocksDB.loadLibrary();
  }

  private final Cache blockCache = new LRUCache(BLOCK_CACHE_BYTES);
  private final BloomFilter bloomFilter = new BloomFilter(BLOOM_BITS_PER_KEY);
  private final WriteBufferManager writeBuffers =
      new WriteBufferManager(WRITE_BUFFER_BUDGET, blockCache);
  private final DBOptions dbOptions = new DBOptions()
      .setCreateIfMissing(true)
      .setCreateMissingColumnFamilies(true)
      .setMaxBackgroundJobs(MAX_BACKGROUND_JOBS)
      .setKeepLogFileNum(KEEP_LOG_FILES)
      .setMaxLogFileSize(MAX_LOG_FILE_BYTES)
      // No preallocation: RocksDB would otherwise reserve about 1.1 write buffers (~70 MiB) per
      // WAL file up front, so a full disk would be noticed only 70 MiB of writes later, and each
      // reopen after a disk-full recovery would take those 70 MiB again from the space just freed.
      .setAllowFAllocate(false)
      .setWriteBufferManager(writeBuffers);
  private final List<ColumnFamilyOptions> familyOptions = new ArrayList<>();
  /** Built once: a reopen uses the same descriptors (and option objects) again. */
  private List<ColumnFamilyDescriptor> descriptors;

  DBOptions dbOptions() {
    return dbOptions;
  }

  /** RocksDB's mandatory (unused) default family first, then every {@link Family} in order. */
  synchronized List<ColumnFamilyDescriptor> descriptors() {
    if (descriptors != null) {
      return descriptors;
    }
    descriptors = new ArrayList<>();
    descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, track(base())));
    for (Family family : Family.values()) {
      descriptors.add(new ColumnFamilyDescriptor(family.nameBytes(), track(optionsFor(family))));
    }
    return descriptors;
  }

  private ColumnFamilyOptions optionsFor(Family family) {
    ColumnFamilyOptions options = base();
    switch (family) {
      case PACKUMENT_BODIES -> options
          .setCompressionType(PACKUMENT_COMPRESSION)
          .setBottommostCompressionType(PACKUMENT_BOTTOM_COMPRESSION);
      case TARBALL_CHUNKS -> options
          // Tarballs are gzip already: compressing them again only burns CPU.
          .setCompressionType(CompressionType.NO_COMPRESSION)
          .setEnableBlobFiles(true)
          .setMinBlobSize(MIN_BLOB_BYTES)
          .setBlobFileSize(BLOB_FILE_BYTES)
          .setBlobCompressionType(CompressionType.NO_COMPRESSION)
          // Range deletes of aborted or deduplicated downloads leave dead blobs; reclaim them.
          .setEnableBlobGarbageCollection(true);
      case PACKUMENT_META, TARBALL_MANIFESTS, TARBALL_STAGING, REMOVED_VERSIONS, RECORDS,
          AUDIT_LOG, AUDIT_BY_TIME, TARBALL_ACCESS -> options
          .setCompressionType(CompressionType.LZ4_COMPRESSION);
    }
    return options;
  }

  private ColumnFamilyOptions base() {
    return new ColumnFamilyOptions().setWriteBufferSize(WRITE_BUFFER_BYTES)
        .setTableFormatConfig(new BlockBasedTableConfig()
        .setBlockCache(blockCache)
        .setFilterPolicy(bloomFilter)
        .setCacheIndexAndFilterBlocks(true));
  }

  private ColumnFamilyOptions track(ColumnFamilyOptions options) {
    familyOptions.add(options);
    return options;
  }

  /** Releases the options; call only after the database that used them is closed. */
  @Override
  public void close() {
    // Family and database options reference the table config's cache and filter: close them first.
    familyOptions.forEach(ColumnFamilyOptions::close);
    dbOptions.close();
    writeBuffers.close();
    bloomFilter.close();
    blockCache.close();
  }
}
