"""Makes bow-text-tower.pt and bow-text-tower.onnx, a stand-in CLIP text tower for ZeroShotTest (run with Debian's python3-torch):
token ids [T, 77] int64 -> [T, 10] float32, out[t, j] = number of times id 10 + j occurs in row t
(a bag of words over ids 10..19). With a tokenizer whose vocabulary gives the ten CIFAR-10 class names
the ids 10..19 and every template word another id, each prompt's embedding is the one-hot vector of its
class, so prompt-ensembled class embeddings are the 10x10 identity. Not a CLIP model."""
import torch


class BagOfClassWords(torch.nn.Module):
    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        classes = torch.arange(10, 20, dtype=torch.int64)
        return (ids.unsqueeze(-1) == classes).to(torch.float32).sum(dim=1)


m = torch.jit.script(BagOfClassWords())
x = torch.zeros(2, 77, dtype=torch.int64)
x[0, :4] = torch.tensor([1, 2, 13, 3])
x[1, :5] = torch.tensor([1, 2, 19, 19, 3])
print(m(x))
m.save("bow-text-tower.pt")
torch.onnx.export(BagOfClassWords(), (x,), "bow-text-tower.onnx", opset_version=13, input_names=["ids"],
                  output_names=["text_embeds"], dynamic_axes={"ids": {0: "t"}, "text_embeds": {0: "t"}})
