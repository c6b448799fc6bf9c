package dev.lazaret.storage;

/** A storage operation failed; the message names the operation and the store. */
public class StoreException extends RuntimeException {

  /** A failure with a message that names what was being done. */
  public StoreException(String message) {
    super(message);
  }

  /** A failure caused by an underlying (for example RocksDB) error. */
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
