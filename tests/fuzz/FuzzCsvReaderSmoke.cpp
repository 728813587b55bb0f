// A libFuzzer-free driver of the CSV fuzz target for the normal build and CI
// (ctest FuzzCsvReaderSmoke): the seed corpus, then deterministic mutations
// of it and random bytes, each through LLVMFuzzerTestOneInput. The real,
// coverage-guided run is the ER_FUZZ build's FuzzCsvReader (README,
// Development). Also:
//   FuzzCsvReaderSmoke --write-seeds DIR   writes the seed corpus to DIR
//   FuzzCsvReaderSmoke FILE...             runs the target on each file (a crash libFuzzer saved)
//   FuzzCsvReaderSmoke --runs N            N inputs besides the seeds (default 20000)
#include "CsvSeeds.h"

#include <QByteArray>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>

#include <cstdint>
#include <cstdio>
#include <cstring>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace {

void run(const QByteArray &input)
{
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(input.constData()), size_t(input.size()));
}

// xorshift32: the same inputs on every run, so a failure reproduces.
struct Random
{
    quint32 state;
    quint32 next()
    {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        return state;
    }
    int below(int n) { return n <= 0 ? 0 : int(next() % quint32(n)); }
};

// Bytes that matter to the reader: quotes, delimiters, line breaks, BOMs,
// UTF-8 lead and continuation bytes, Windows-1252's unassigned 0x81, NUL.
const QByteArray Interesting[] = {"\"", ",", ";", "\t", "|", "\r", "\n", "\r\n", "\"\"", "\xEF\xBB\xBF", "\xFF\xFE",
                                  "\xFE\xFF", "\xC3", "\xBC", "\xE2\x80", "\xF0\x9F\x98", "\xFF", "\x81",
                                  QByteArray(1, '\0'), "\xED\xA0\x80", "\xEF\xBF\xBD", "\xFD\xFF", "31/12/1980", "12.31.1980", "team"};

QByteArray mutate(QByteArray bytes, Random &random, const QList<std::pair<QString, QByteArray>> &seeds)
{
    const int steps = 1 + random.below(8);
    for (int i = 0; i < steps; ++i) {
        const int at = random.below(int(bytes.size()) + 1);
        switch (random.below(7)) {
        case 0:
            if (!bytes.isEmpty())
                bytes[at % bytes.size()] = char(bytes[at % bytes.size()] ^ (1 << random.below(8)));
            break;
        case 1:
            bytes.insert(at, char(random.next()));
            break;
        case 2:
            bytes.insert(at, Interesting[random.below(int(std::size(Interesting)))]);
            break;
        case 3:
            bytes.remove(at, random.below(16));
            break;
        case 4:
            bytes.insert(at, bytes.mid(random.below(int(bytes.size()) + 1), random.below(64)));
            break;
        case 5: {
            const QByteArray &other = seeds.at(random.below(int(seeds.size()))).second;
            bytes = bytes.left(at) + other.mid(random.below(int(other.size()) + 1));
            break;
        }
        default:
            bytes.truncate(at);
            break;
        }
    }
    return bytes;
}

int writeSeeds(const QString &dir)
{
    if (!QDir().mkpath(dir))
        return 1;
    for (const auto &[name, bytes] : csvSeeds()) {
        QFile file(QDir(dir).filePath(name));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
            return 1;
    }
    std::printf("%d seed files in %s\n", int(csvSeeds().size()), qPrintable(dir));
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    long runs = 20000;
    QList<QByteArray> files;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--write-seeds") == 0 && i + 1 < argc)
            return writeSeeds(QString::fromLocal8Bit(argv[i + 1]));
        if (std::strcmp(argv[i], "--runs") == 0 && i + 1 < argc)
            runs = std::atol(argv[++i]);
        else
            files << QByteArray(argv[i]);
    }
    if (!files.isEmpty()) {
        for (const QByteArray &path : files) {
            QFile file(QString::fromLocal8Bit(path));
            if (!file.open(QIODevice::ReadOnly))
                return 1;
            run(file.readAll());
        }
        std::printf("%d file(s): no crash, no property violated\n", int(files.size()));
        return 0;
    }
    QElapsedTimer timer;
    timer.start();
    const QList<std::pair<QString, QByteArray>> seeds = csvSeeds();
    for (const auto &seed : seeds)
        run(seed.second);
    Random random{0x9E3779B9u};
    for (long i = 0; i < runs; ++i) {
        if (i % 10 == 0) {   // random bytes, a few to a few hundred
            QByteArray bytes(random.below(300), Qt::Uninitialized);
            for (char &c : bytes)
                c = char(random.next());
            run(bytes);
        } else {
            run(mutate(seeds.at(random.below(int(seeds.size()))).second, random, seeds));
        }
    }
    std::printf("%ld inputs (%d seeds, %ld mutated or random) in %.1f s: no crash, no property violated\n",
                long(seeds.size()) + runs, int(seeds.size()), runs, double(timer.elapsed()) / 1000.0);
    return 0;
}
