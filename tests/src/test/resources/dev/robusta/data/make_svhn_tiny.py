"""Writes svhn_tiny.mat: 3 images in SVHN's test_32x32.mat layout (X uint8 [32,32,3,N], y double [N,1],
label 10 = digit 0), MATLAB v5 with compression, as scipy.io.savemat writes it. Pixel (r, c, ch) of
image n is (7*r + 3*c + 50*ch + 11*n) % 256. Run with /usr/bin/python3 (Debian's scipy)."""
import numpy as np
import scipy.io

n = 3
r, c, ch, k = np.meshgrid(np.arange(32), np.arange(32), np.arange(3), np.arange(n), indexing="ij")
X = ((7 * r + 3 * c + 50 * ch + 11 * k) % 256).astype(np.uint8)
y = np.array([[10], [1], [5]], dtype=np.float64)
scipy.io.savemat("svhn_tiny.mat", {"X": X, "y": y}, do_compression=True)
