# A static sysctl-lint on an empty image:
#   docker build -t sysctl-lint .
#   docker run --rm -v "$PWD:/src:ro" sysctl-lint check --root /src
#   docker run --rm -v "$PWD:/src:ro" sysctl-lint check /src/etc/sysctl.d
# The build stage compiles for x86_64-unknown-linux-musl (static: no libc in the
# image); the final image holds the binary alone (sysctl-lint needs no network,
# certificates or shell). Build on an x86_64 host (or with --platform linux/amd64).
# Not built by .ci/run: its machines have no Docker engine.
FROM rust:1-bookworm AS build
RUN rustup target add x86_64-unknown-linux-musl
WORKDIR /build
COPY . .
RUN cargo build --release --locked --target x86_64-unknown-linux-musl \
    && strip target/x86_64-unknown-linux-musl/release/sysctl-lint \
    && ./target/x86_64-unknown-linux-musl/release/sysctl-lint --version

FROM scratch
COPY --from=build /build/target/x86_64-unknown-linux-musl/release/sysctl-lint /usr/bin/sysctl-lint
WORKDIR /src
# Findings are reported for the files as mounted (/src/...); --root /src reads the
# mounted tree as its boot-time loader would.
ENTRYPOINT ["/usr/bin/sysctl-lint"]
CMD ["check", "--root", "/src"]
