"""Reference for DecodeBench: torchvision/PIL ImageNet preprocessing, DataLoader with 2 workers."""
import sys
import time

import torch
from PIL import Image
from torch.utils.data import DataLoader, Dataset
from torchvision import transforms

files = [l.strip() for l in open(sys.argv[1]) if l.strip()]
passes = int(sys.argv[2])
tf = transforms.Compose([transforms.Resize(256), transforms.CenterCrop(224), transforms.ToTensor(),
                         transforms.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])])


class Files(Dataset):
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        with open(files[i % len(files)], "rb") as f:
            img = Image.open(f).convert("RGB")
        return tf(img)


torch.set_num_threads(1)
if len(sys.argv) > 3:
    import numpy as np
    ref = [tf(Image.open(f).convert("RGB")).numpy().astype("<f4") for f in files[:8]]
    np.concatenate([r.ravel() for r in ref]).tofile(sys.argv[3])
warm = DataLoader(Files(len(files)), batch_size=32, num_workers=2)
for _ in warm:
    pass
loader = DataLoader(Files(len(files) * passes), batch_size=32, num_workers=2)
t0 = time.perf_counter()
n = 0
for batch in loader:
    n += batch.shape[0]
dt = time.perf_counter() - t0
print("torch", torch.__version__, "PIL", Image.__version__, "images", n, "seconds %.2f" % dt)
print("images_per_second %.1f" % (n / dt))
