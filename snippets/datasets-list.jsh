// Every registered dataset with its kind and image counts: ./robusta jshell snippets/datasets-list.jsh
var table = Table.create("registered datasets", StringColumn.create("id"), StringColumn.create("kind"),
    StringColumn.create("images"), StringColumn.create("download"));
for (RegistryEntry e : Datasets.registry().datasets()) {
  table.stringColumn("id").append(e.id());
  table.stringColumn("kind").append(String.valueOf(e.kind()));
  table.stringColumn("images").append(e.images() == null ? "-" : e.images().toString());
  table.stringColumn("download").append(e.totalSize() < 0 ? "size not listed" : e.totalSize() == 0 ? "generated" : String.format(Locale.ROOT, "%.2f GB", e.totalSize() / 1e9));
}
show(table);
System.out.println(Datasets.registry().datasets().size() + " datasets registered");
