package org.redditclone.api;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param items the items of this page, in order
 * @param nextCursor the opaque cursor of the next page, or null when this is the last page
 * @param <T> the kind of item
 */
public record Page<T extends java.io.Serializable>(List<T> items, String nextCursor)
    implements java.io.Serializable {

  /** Returns whether another page follows. */
  public boolean hasNext() {
    return nextCursor != null;
  }

  /** Serializes as a {@link WireForm}: one small descriptor instead of a record's. */
  @java.io.Serial
  private Object writeReplace() {
    return new WireForm(this);
  }
}
