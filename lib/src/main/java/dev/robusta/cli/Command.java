package dev.robusta.cli;

/** One launcher sub-command ({@code ./robusta NAME ...}). */
interface Command {
  /** @return the exit status */
  int run(String[] args) throws Exception;

  /** @return the text printed for {@code --help} */
  String help();
}
