# Atelier — every set-up step lives here, so a fresh Debian machine needs only:
#   make demo    install what is missing, build, run the whole flow on Examples/ into Exports/
#   make test    install what is missing, run the test suite
SWIFT    ?= swift
PREFIX   ?= /usr/local
APT_PACKAGES := pkg-config zlib1g-dev libyaml-dev libxlsxwriter-dev chromium
RELEASE_BIN  := .build/release/atelier

.PHONY: all deps build demo test bench fuzz install schema clean

all: build

# Installs the missing Debian packages (as root), or prints the exact command to run.
deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else \
	    echo "Missing system packages. Run:  sudo apt-get install -y$$missing"; exit 1; \
	  fi; \
	fi

build: deps
	$(SWIFT) build -c release --product atelier

# The examples are mostly French, as the users are: the demo speaks French unless DEMO_LANG=en.
DEMO_LANG ?= fr
demo: build
	$(RELEASE_BIN) demo --output Exports --lang $(DEMO_LANG)
	bash Tests/browser/pages.sh screenshots Exports

# The XCTest suite, then every reader's limits with peak memory, then the XLSForms converted by pyxform, then the HTML pages looked at in
# headless Chromium (console errors, charts, A4 print length, desktop and phone screenshots).
test: deps
	$(SWIFT) test
	python3 Tests/limits/limits.py .build/debug/atelier
	for target in yaml checklist rubric table scalars; do \
	  files=$$(find Tests/Fuzz/regressions/$$target -type f 2>/dev/null); \
	  [ -z "$$files" ] || .build/debug/atelier-fuzz replay $$target $$files || exit 1; done
	bash Tests/survey/validate-xlsform.sh .build/debug/atelier
	bash Tests/browser/pages.sh check .build/debug/atelier

bench: build
	pip install -q pandas scipy xlsxwriter
	python3 Benchmarks/bench.py $(RELEASE_BIN)

# Fuzzes every parser under libFuzzer with the address sanitizer, FUZZ_SECONDS each (see
# Tests/Fuzz/README.md). Its build lives in .build-fuzz so it never disturbs the normal one.
# Leak detection is off (libFuzzer and LeakSanitizer at exit): Swift's lazily built globals (catalogues, tables) are one-time
# allocations it reports at the first input; a leak per input shows as the RSS limit instead.
FUZZ_SECONDS ?= 60
# An input that takes longer than this (seconds, under ASan) is reported as a hang.
FUZZ_TIMEOUT ?= 20
FUZZ_BIN := .build-fuzz/debug/atelier-fuzz
fuzz: deps
	$(SWIFT) build --scratch-path .build-fuzz --product atelier-fuzz --sanitize=address \
	  -Xswiftc -sanitize=fuzzer -Xswiftc -D -Xswiftc FUZZING
	mkdir -p Tests/Fuzz/crashes
	@run() { target=$$1; shift; mkdir -p .build-fuzz/corpus/$$target; \
	  echo "== $$target ($(FUZZ_SECONDS) s)"; \
	  ASAN_OPTIONS=detect_leaks=0 ATELIER_FUZZ_TARGET=$$target $(FUZZ_BIN) .build-fuzz/corpus/$$target "$$@" -max_total_time=$(FUZZ_SECONDS) -timeout=$(FUZZ_TIMEOUT) -rss_limit_mb=1024 -detect_leaks=0 \
	    -artifact_prefix=Tests/Fuzz/crashes/$$target- -print_final_stats=1 2>&1 | grep -E "^(#[0-9]+ +DONE|stat::number_of_executed_units|==[0-9]+==ERROR|SUMMARY)|Test unit written" ; }; \
	run yaml Examples Examples/broken; \
	run checklist Examples/checklists Templates/checklists; \
	run rubric Templates/rubrics; \
	run table Examples/surveys Tests/Fuzz/seeds/table Tests/Fixtures/libreoffice; \
	run scalars Tests/Fuzz/seeds/scalars; \
	if ls Tests/Fuzz/crashes/* >/dev/null 2>&1; then echo "Crashes found:"; ls Tests/Fuzz/crashes; exit 1; fi

# Installs the binary, the templates and the examples: the binary finds its templates in
# $(PREFIX)/share/atelier/Templates.
install: build
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/atelier
	install -m 755 $(RELEASE_BIN) $(DESTDIR)$(PREFIX)/bin/atelier
	cp -R Templates Examples $(DESTDIR)$(PREFIX)/share/atelier/

# Regenerates the committed JSON Schema from the format's declaration.
schema: build
	$(RELEASE_BIN) schema --output Templates/schema/mockup.schema.json

clean:
	rm -rf .build
