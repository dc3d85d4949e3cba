package org.redditclone.client.runfiles;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.redditclone.client.runfiles.RunColumns.Column;
import org.redditclone.client.runfiles.RunKeys.Key;

/**
 * Prints values of run files by key or column name, so that scripts never read log text or
 * columns by position. See {@link #USAGE}.
 */
public final class RunValueMain {

  static final int OK = 0;
  static final int MISSING = 1;
  static final int USAGE_ERROR = 2;

  /** The usage text, also part of docs/RUN-FILES.md. */
  public static final String USAGE = String.join("\n",
      "usage: RunValueMain --key KEY FILE...",
      "       RunValueMain --column COLUMN --row COLUMN=VALUE FILE...",
      "       RunValueMain --schema",
      "",
      "--key     prints the value of KEY in each properties FILE (client-K.properties,",
      "          run.properties or baseline.properties), one line a file",
      "--column  prints COLUMN of the row whose column is VALUE in each CSV FILE, one line a",
      "          file; e.g. --column throughput_per_s --row op=ALL client-1.csv",
      "--schema  prints the layout of a run folder and every file's keys and columns (Markdown)",
      "",
      "exit status: 0 every value printed; 1 a file, key or row is missing (named on stderr);",
      "2 bad usage, or a KEY or COLUMN that the file's kind does not have");

  private static final Pattern CLIENT_PROPERTIES = Pattern.compile("client-\\d+\\.properties");

  private RunValueMain() {}

  public static void main(String[] args) {
    System.exit(run(args, new PrintStream(System.out, true, StandardCharsets.UTF_8), System.err));
  }

  /** Runs the command of {@code args} and returns its exit status. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    List<String> list = Arrays.asList(args);
    if (list.equals(List.of("--schema"))) {
      out.print(RunSchema.markdown());
      return OK;
    }
    if (list.contains("--help") || list.contains("-h")) {
      out.println(USAGE);
      return OK;
    }
    try {
      if (args.length >= 3 && args[0].equals("--key")) {
        return keys(args[1], list.subList(2, args.length), out, err);
      }
      if (args.length >= 5 && args[0].equals("--column") && args[2].equals("--row")) {
        return columns(args[1], args[3], list.subList(4, args.length), out, err);
      }
      throw new IllegalArgumentException("expected --key KEY FILE..., --column COLUMN --row "
          + "COLUMN=VALUE FILE... or --schema; got " + String.join(" ", args));
    } catch (IllegalArgumentException e) {
      err.println("RunValueMain: " + e.getMessage());
      err.println(USAGE);
      return USAGE_ERROR;
    }
  }

  private static int keys(String key, List<String> files, PrintStream out, PrintStream err) {
    int status = OK;
    for (String name : files) {
      Path file = Path.of(name);
      checkKey(file, key);
      try {
        Optional<String> value = Files.isRegularFile(file)
            ? Optional.ofNullable(PropertiesFile.read(file).get(key)) : Optional.empty();
        if (value.isPresent()) {
          out.println(value.get());
          continue;
        }
        err.println("RunValueMain: " + (Files.isRegularFile(file) ? file + " has no " + key : "no file " + file));
      } catch (IOException e) {
        err.println("RunValueMain: " + e.getMessage());
      }
      status = MISSING;
    }
    return status;
  }

  /** Checks that {@code key} is a key of the kind of properties file {@code file} is. */
  private static void checkKey(Path file, String key) {
    String name = file.getFileName().toString();
    Key[] keys;
    if (CLIENT_PROPERTIES.matcher(name).matches()) {
      keys = RunKeys.Client.values();
    } else if (name.equals(RunFiles.RUN_PROPERTIES)) {
      if (Arrays.stream(RunKeys.Run.values()).anyMatch(k -> k.matches(key))) {
        return;
      }
      keys = RunKeys.Run.values();
    } else if (name.equals(RunFiles.BASELINE_PROPERTIES)) {
      keys = RunKeys.Baseline.values();
    } else {
      throw new IllegalArgumentException(file + " is no properties file of a run: expected "
          + "client-K.properties, run.properties or baseline.properties");
    }
    if (Arrays.stream(keys).noneMatch(k -> k.key().equals(key))) {
      throw new IllegalArgumentException("'" + key + "' is no key of " + name + "; its keys are "
          + String.join(", ", Arrays.stream(keys).map(Key::pattern).toList()));
    }
  }

  private static int columns(String column, String row, List<String> files, PrintStream out,
      PrintStream err) {
    int equals = row.indexOf('=');
    if (equals <= 0) {
      throw new IllegalArgumentException("--row '" + row + "' is not COLUMN=VALUE, e.g. op=ALL");
    }
    String rowColumn = row.substring(0, equals);
    String rowValue = row.substring(equals + 1);
    int status = OK;
    for (String name : files) {
      Path file = Path.of(name);
      try {
        Optional<String> value = Files.isRegularFile(file)
            ? value(file, column, rowColumn, rowValue) : Optional.empty();
        if (value.isPresent()) {
          out.println(value.get());
          continue;
        }
        err.println("RunValueMain: " + (Files.isRegularFile(file)
            ? file + " has no row with " + row : "no file " + file));
      } catch (IOException e) {
        err.println("RunValueMain: " + e.getMessage());
      }
      status = MISSING;
    }
    return status;
  }

  /** Returns {@code column} of the first row of {@code file} whose {@code rowColumn} is {@code rowValue}. */
  private static Optional<String> value(Path file, String column, String rowColumn, String rowValue)
      throws IOException {
    String header;
    try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
      header = lines.findFirst().orElse("").strip();
    }
    Column[] columns = RunColumns.kinds().stream()
        .map(kind -> known(kind, header)).filter(known -> known.length > 0).findFirst()
        .orElseThrow(() -> new IOException(file + " is no CSV file of a run: its header is '" + header + "'"));
    Column wanted = column(columns, column, file);
    Column selector = column(columns, rowColumn, file);
    List<String> values = new ArrayList<>();
    CsvFile.read(file, columns, false,
        row -> row.text(selector).equals(rowValue) && values.add(row.text(wanted)));
    return values.stream().findFirst();
  }

  /**
   * Returns the columns of {@code kind} that a file with {@code header} has: all of them, also when
   * a newer writer appended more; the first ones of a file written before the later ones were
   * appended; none when the header is not of this kind.
   */
  private static Column[] known(Column[] kind, String header) {
    String all = RunColumns.header(kind);
    if (header.equals(all) || header.startsWith(all + ",")) {
      return kind;
    }
    int count = header.split(",", -1).length;
    boolean earlier = count > 1 && all.startsWith(header + ",");
    return earlier ? Arrays.copyOf(kind, count) : new Column[0];
  }

  private static Column column(Column[] columns, String name, Path file) {
    return Arrays.stream(columns).filter(c -> c.header().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("'" + name + "' is no column of " + file
            + "; its columns are " + RunColumns.header(columns)));
  }
}
