# Reference for ./robusta bench inference, (c): Debian's python3-torch with a PIL DataLoader on the same
# TorchScript file. Usage: /usr/bin/python3 inference_ref.py MODEL.pt JPEG_ROOT BATCH THREADS WORKERS
# Prints one JSON line: {"images": N, "seconds": S, "top1": T}.
import json
import os
import sys
import time

import torch
from PIL import Image

model_path, root, batch, threads, workers = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
torch.set_num_threads(threads)
CLASSES = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"]
MEAN = torch.tensor([0.485, 0.456, 0.406]).view(3, 1, 1)
STD = torch.tensor([0.229, 0.224, 0.225]).view(3, 1, 1)


class Jpegs(torch.utils.data.Dataset):
    def __init__(self):
        self.items = [(os.path.join(root, c, f), k) for k, c in enumerate(CLASSES)
                      for f in sorted(os.listdir(os.path.join(root, c)))]

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        path, label = self.items[i]
        img = Image.open(path).convert("RGB")
        x = torch.frombuffer(bytearray(img.tobytes()), dtype=torch.uint8).view(img.height, img.width, 3)
        x = x.permute(2, 0, 1).float().div(255)
        return (x - MEAN) / STD, label


model = torch.jit.load(model_path).eval()
loader = torch.utils.data.DataLoader(Jpegs(), batch_size=batch, num_workers=workers)
start = time.perf_counter()
correct = n = 0
with torch.no_grad():
    for x, y in loader:
        correct += (model(x).argmax(1) == y).sum().item()
        n += len(y)
seconds = time.perf_counter() - start
print(json.dumps({"images": n, "seconds": seconds, "top1": correct / n}))
