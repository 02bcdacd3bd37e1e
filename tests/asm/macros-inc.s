	.set INCLUDED, 1
