package dev.robusta.cli;

/** One launcher sub-command ({@code ./robusta NAME ...}). */
interface Command {
  /** @return the exit status */
  int run(String[] args) throws Exception;

  /** @return the text printed for {@code --help}: a {@code Usage:} line, then what it does */
  String help();

  /** @return one line for the command list: the first sentence after the usage line */
  default String summary() {
    String[] lines = help().split("\n");
    String text = lines.length > 1 ? lines[1] : lines[0];
    int dot = text.indexOf(". ");
    text = dot > 0 ? text.substring(0, dot + 1) : text;
    return text.length() > 100 ? text.substring(0, 97) + "..." : text;
  }
}
