package dev.robusta.cli;

import dev.robusta.data.DatasetException;
import dev.robusta.data.Loader;
import dev.robusta.data.Registry;
import dev.robusta.data.RegistryEntry;
import dev.robusta.data.Store;
import dev.robusta.data.Verifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** {@code ./robusta datasets list | info ID | download ID | verify ID [--root DIR]}. */
final class DatasetsCommand implements Command {
  @Override
  public String help() {
    return """
        Usage: ./robusta datasets list
               ./robusta datasets info ID
               ./robusta datasets download ID
               ./robusta datasets verify ID [--root DIR]

        list      every registered dataset with its kind, download size and status
        info      the registry entry: layout, label space, protocol, files, checksums, citation, licence
        download  fetch, verify and extract into the cache ($ROBUSTA_DATA, default ~/.cache/robusta)
        verify    check a copy's folders, class folders and counts against the registry
                  (--root DIR: your own copy; default: the system copy or the cache)""";
  }

  @Override
  public int run(String[] args) {
    if (args.length == 0) {
      throw new UsageException("no sub-command given", "one of: list, info ID, download ID, verify ID [--root DIR]");
    }
    List<String> rest = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
    Path root = null;
    int r = rest.indexOf("--root");
    if (r >= 0) {
      if (r + 1 >= rest.size()) {
        throw new UsageException("--root needs a folder", "./robusta datasets verify ID --root /path/to/copy");
      }
      root = Path.of(rest.get(r + 1));
      rest.remove(r + 1);
      rest.remove(r);
    }
    Loader loader = Loader.defaults();
    Registry reg = loader.registry();
    try {
      switch (args[0]) {
        case "list" -> {
          list(reg, loader.store());
          return 0;
        }
        case "info" -> {
          RegistryEntry e = reg.find(id(rest));
          System.out.print(e != null ? e : reg.dataset(id(rest)));
          return 0;
        }
        case "download" -> {
          RegistryEntry e = reg.find(id(rest));
          Path p = loader.store().prepare(e != null ? e : reg.dataset(id(rest)));
          System.out.println(id(rest) + ": present in " + p);
          return 0;
        }
        case "verify" -> {
          Verifier.Report rep = new Verifier(loader).verify(id(rest), root);
          System.out.print(rep);
          return rep.passed() ? 0 : 1;
        }
        default -> throw new UsageException("unknown sub-command '" + args[0] + "'",
            "one of: list, info ID, download ID, verify ID [--root DIR]");
      }
    } catch (DatasetException e) {
      throw new UsageException(e.getMessage(), e.hint());
    }
  }

  private static String id(List<String> rest) {
    if (rest.size() != 1) {
      throw new UsageException("expected one dataset id, got " + rest, "./robusta datasets list shows the ids");
    }
    return rest.get(0);
  }

  private static void list(Registry reg, Store store) {
    System.out.printf(Locale.ROOT, "%-30s %-21s %10s  %s%n", "id", "kind", "download", "status");
    for (RegistryEntry e : reg.datasets()) {
      long size = e.totalSize();
      String sz = e.archives().isEmpty() ? "-" : size < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f GB", size / 1e9);
      String status;
      if (store.isPresent(e.id())) {
        status = "in cache " + store.folder(e.id());
      } else if (e.localCopies().stream().anyMatch(c -> Files.isDirectory(Path.of(c)))) {
        status = "system copy " + e.localCopies().get(0);
      } else if ("synthetic".equals(e.layout())) {
        status = "generated on demand";
      } else if (e.archives().isEmpty() || e.archives().stream().anyMatch(a -> a.urls().isEmpty())) {
        status = "manual download (see info)";
      } else {
        status = "not downloaded";
      }
      if ("none".equals(e.layout())) {
        status += "; no reader yet";
      }
      System.out.printf(Locale.ROOT, "%-30s %-21s %10s  %s%n", e.id(), e.kind(), sz, status);
    }
    System.out.println(reg.datasets().size() + " datasets; cache " + store.root());
  }
}
