package dev.lazaret.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What clients may do with one version: see it, wait for it, or never get it. Every verdict the
 * quarantine produces carries the signals that produced it, so an analyst can see why.
 */
public sealed interface Verdict {

  /** The reasons behind this verdict, in a form a human can read; empty for a plain allow. */
  List<String> reasons();

  /** Every signal evaluated for this version, fired or not; empty if none were evaluated. */
  List<SignalResult> signals();

  /** Whether clients may see and download the version now. */
  default boolean allowed() {
    return this instanceof Allow;
  }

  /** The version is served. */
  record Allow(List<String> reasons, List<SignalResult> signals) implements Verdict {
    /** An allow with no particular reason. */
    public static final Allow PLAIN = new Allow(List.of());

    /** Copies the reasons and signals. */
    public Allow {
      reasons = List.copyOf(reasons);
      signals = List.copyOf(signals);
    }

    /** An allow with reasons and no signals. */
    public Allow(List<String> reasons) {
      this(reasons, List.of());
    }
  }

  /**
   * The version is hidden until {@code until}, unless an analyst decides earlier.
   *
   * @param until   the first instant at which the version is served
   * @param reasons why it is held
   * @param signals the signals evaluated
   * @param flagged whether the version was judged risky and should be shown to analysts
   */
  record Hold(Instant until, List<String> reasons, List<SignalResult> signals, boolean flagged)
      implements Verdict {
    /** The reason of a version held only until its tarball is inspected. */
    public static final String AWAITING_INSPECTION = "Waiting for its tarball to be inspected.";

    /** Validates the end of the hold and copies the reasons and signals. */
    public Hold {
      Objects.requireNonNull(until, "until");
      reasons = List.copyOf(reasons);
      signals = List.copyOf(signals);
    }

    /** A hold with reasons only, not flagged. */
    public Hold(Instant until, List<String> reasons) {
      this(until, reasons, List.of(), false);
    }

    /**
     * A version that would be served but whose tarball has not been inspected yet. Its end is
     * not a time but an event: {@code until} is the instant of judging (the earliest it could be
     * served), and the proxy judges again when the inspection lands.
     */
    public static Hold awaitingInspection(Instant judgedAt, List<String> notes,
        List<SignalResult> signals) {
      List<String> reasons = new ArrayList<>();
      reasons.add(AWAITING_INSPECTION);
      reasons.addAll(notes);
      return new Hold(judgedAt, reasons, signals, false);
    }

    /** Whether this hold waits for an inspection rather than a time. */
    public boolean awaitingInspection() {
      return !flagged && reasons.contains(AWAITING_INSPECTION);
    }
  }

  /** The version is never served. */
  record Block(List<String> reasons, List<SignalResult> signals) implements Verdict {
    /** Copies the reasons and signals. */
    public Block {
      reasons = List.copyOf(reasons);
      signals = List.copyOf(signals);
    }

    /** A block with reasons and no signals. */
    public Block(List<String> reasons) {
      this(reasons, List.of());
    }
  }
}
