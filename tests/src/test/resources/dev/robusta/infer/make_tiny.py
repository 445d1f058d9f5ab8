# Regenerates tiny-cnn.pt / tiny-cnn.onnx (test fixtures, a few KB): a fixed-weight CNN that returns
# (logits [N,4], features [N,8]). Run with Debian's torch: /usr/bin/python3 make_tiny.py
import torch

torch.manual_seed(0)


class Tiny(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = torch.nn.Conv2d(3, 8, 3, padding=1)
        self.fc = torch.nn.Linear(8, 4)

    def forward(self, x):
        f = torch.relu(self.conv(x)).mean(dim=(2, 3))
        return self.fc(f), f


m = Tiny().eval()
x = torch.linspace(-1, 1, 2 * 3 * 8 * 8).reshape(2, 3, 8, 8)
with torch.no_grad():
    torch.jit.trace(m, x).save("tiny-cnn.pt")
    torch.onnx.export(m, x, "tiny-cnn.onnx", opset_version=13, input_names=["input"],
                      output_names=["logits", "features"],
                      dynamic_axes={"input": {0: "batch"}, "logits": {0: "batch"}, "features": {0: "batch"}})
    logits, feats = m(x)
    print("logits", logits.tolist())
    print("features", feats.tolist())
