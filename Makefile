# Atelier — every set-up step lives here, so a fresh Debian machine needs only:
#   make demo    install what is missing, build, run the whole flow on Examples/ into Exports/
#   make test    install what is missing, run the test suite
SWIFT    ?= swift
PREFIX   ?= /usr/local
APT_PACKAGES := pkg-config libyaml-dev libxlsxwriter-dev chromium
RELEASE_BIN  := .build/release/atelier

.PHONY: all deps build demo test bench install schema clean

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

demo: build
	$(RELEASE_BIN) demo --output Exports
	bash Tests/browser/pages.sh screenshots Exports

# The XCTest suite, then every reader's limits with peak memory, then the XLSForms converted by pyxform, then the HTML pages looked at in
# headless Chromium (console errors, charts, A4 print length, desktop and phone screenshots).
test: deps
	$(SWIFT) test --disable-swift-testing
	python3 Tests/limits/limits.py .build/debug/atelier
	bash Tests/survey/validate-xlsform.sh .build/debug/atelier
	bash Tests/browser/pages.sh check .build/debug/atelier

bench: build
	pip install -q pandas scipy xlsxwriter
	python3 Benchmarks/bench.py $(RELEASE_BIN)

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
