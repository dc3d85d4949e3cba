package org.redditclone.api;

import java.rmi.Remote;
import java.rmi.RemoteException;

/**
 * The coordinator of one run: the clock every client JVM of the run measures by, the live merge
 * of what they measure, and the writer of the run's folder. Bound as {@link
 * Bindings#COORDINATOR} in the coordinator's own registry ({@code --coordinator HOST:PORT} of a
 * client JVM).
 *
 * <p>A client joins, sets up its users, reports every second (its progress, then each measured
 * second of the common window) and learns from each answer when the window starts and ends;
 * at its end it uploads its files. Times in answers are relative ("starts in N ms"), so the
 * clocks of the hosts need not agree.
 */
public interface RunCoordinator extends Remote {

  /**
   * Joins the run and returns its terms, among them the client's id.
   *
   * @throws AlreadyExistsException if the id asked for is taken in this run
   * @throws InvalidInputException if the run has ended, or the join breaks a rule
   */
  RunTerms join(ClientJoin join) throws RemoteException, RedditException;

  /**
   * Reserves {@code count} consecutive client ids that no client of this run holds nor will be
   * handed, for a script that starts that many client JVMs; returns the first.
   *
   * @throws InvalidInputException if {@code count} is not 1..1000, or the ids would pass 9999
   */
  int reserveClientIds(int count) throws RemoteException, InvalidInputException;

  /**
   * Takes a client's report, and returns where the run's clock stands for that client.
   *
   * @throws NotFoundException if the client never joined this run
   * @throws InvalidInputException if a second of the report is outside the client's part of the
   *     window, or holds a histogram that is not one
   */
  RunClock report(ClientReport report) throws RemoteException, NotFoundException, InvalidInputException;

  /**
   * Takes the next part of one of the client's files for the run folder.
   *
   * @throws InvalidInputException if the name is not one of that client's files, the part does
   *     not follow the previous one, or the file grows beyond its limit
   * @throws NotFoundException if the client never joined this run
   */
  void upload(FileChunk chunk) throws RemoteException, InvalidInputException, NotFoundException;

  /**
   * Tells the coordinator that client {@code clientId}, started by the caller, ended before it
   * joined: the run stops waiting for it.
   *
   * @param reason what the client printed, for the summary
   * @throws InvalidInputException if the reason is longer than 500 characters
   */
  void notStarted(int clientId, String reason) throws RemoteException, InvalidInputException;
}
