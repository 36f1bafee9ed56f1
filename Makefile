# Chanchuang: `make run` serves the demo on http://127.0.0.1:8000; `make test` runs every check.
.PHONY: install run test lint bench messages

install:  ## The Python environment (.venv, from uv.lock) and the npm assets (from package-lock.json).
	@bin/install

run: install  ## Migrate, seed the demo on first start, serve the app and the task worker (Ctrl-C stops both).
	@bin/run

test: install  ## ruff, import contracts, migrations, deploy check, the suite on SQLite (and PostgreSQL, browser tests where available; all mandatory with CI=true).
	@bin/test

lint: install  ## ruff and the import contracts.
	@.venv/bin/ruff check .
	@.venv/bin/lint-imports

bench: install  ## The benchmarks in benchmarks/, each printing its figures.
	@bin/bench

messages: install  ## Refresh the zh_Hans catalogue from the code and compile it.
	@.venv/bin/python manage.py makemessages -l zh_Hans --no-obsolete --ignore=node_modules --ignore=.venv --ignore=data
	@.venv/bin/python manage.py compilemessages -l zh_Hans --ignore=.venv --ignore=node_modules
