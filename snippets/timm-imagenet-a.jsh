// timm's leaderboard on ImageNet-A (Hendrycks et al. 2021), top N by top-1: N=15 ./robusta jshell snippets/timm-imagenet-a.jsh
Path shared = Path.of(System.getenv().getOrDefault("ROBUSTA_SHARED", "../shared"));
int n = Integer.parseInt(System.getenv().getOrDefault("N", "15"));
Table t = Table.read().csv(shared.resolve("data/results/timm/results-imagenet-a.csv").toString());
Table top = t.sortDescendingOn("top1").first(n).selectColumns("model", "img_size", "top1", "top5", "param_count");
show(top);
System.out.println("ImageNet-A leader: " + top.stringColumn("model").get(0) + " top-1 " + top.numberColumn("top1").getDouble(0) + "% (timm results-imagenet-a.csv, " + t.rowCount() + " models)");
