.PHONY: test bench

# The test suite (as CI runs it).
test:
	./scripts/test.sh

# Speed against hunspell -l and typos on ../shared/corpus/bbc (skips without it); see README, Speed.
bench:
	python3 scripts/bench/speed.py
