// The parts of SqlRowWindow that need no database: the block cache (memory
// stays flat, the block in use survives eviction, holes are not rows) and
// the keyset predicate (the spelling every keyset read relies on).
#include "views/BlockCache.h"
#include "views/KeysetPredicate.h"

#include <QTest>

namespace {
std::vector<WindowRow> block(qint64 firstId, int size = BlockCache::BlockSize)
{
    std::vector<WindowRow> rows(static_cast<size_t>(size));
    for (int i = 0; i < size; ++i)
        rows[size_t(i)] = {firstId + i, {QString::number(firstId + i)}};
    return rows;
}
}

class TestWindowParts : public QObject
{
    Q_OBJECT

private slots:
    void cacheStaysBoundedWhileScrolling();
    void cacheKeepsTheBlockInUse();
    void cacheFindsRowsAndSkipsHoles();
    void cacheOffersBlockEdgesAsStarts();
    void keysetSeeksOnTheLeadingKey();
    void keysetBindsTheLeadingKeyTwice();
};

void TestWindowParts::cacheStaysBoundedWhileScrolling()
{
    BlockCache cache;
    for (qint64 b = 0; b < 10 * BlockCache::MaxBlocks; ++b) {
        cache.insert(b, block(1 + b * BlockCache::BlockSize));
        QVERIFY2(cache.blockCount() <= BlockCache::MaxBlocks, qPrintable(QString::number(cache.blockCount())));
    }
    QVERIFY(cache.hasBlock(10 * BlockCache::MaxBlocks - 1));   // the newest stays
    QVERIFY(!cache.hasBlock(0));                                // the oldest went
}

void TestWindowParts::cacheKeepsTheBlockInUse()
{
    BlockCache cache;
    cache.insert(0, block(1));
    for (qint64 b = 1; b < 3 * BlockCache::MaxBlocks; ++b) {
        QVERIFY(cache.use(5));   // the view keeps painting row 5
        cache.insert(b, block(1 + b * BlockCache::BlockSize));
    }
    QVERIFY(cache.hasBlock(0));
    QCOMPARE(cache.find(5)->id, qint64(6));
}

void TestWindowParts::cacheFindsRowsAndSkipsHoles()
{
    BlockCache cache;
    std::vector<WindowRow> rows = block(1000);
    rows[3].id = 0;   // a row that vanished under the read
    cache.insert(2, std::move(rows));
    const qint64 first = 2 * BlockCache::BlockSize;
    QCOMPARE(cache.find(first)->id, qint64(1000));
    QCOMPARE(cache.find(first + 3), nullptr);
    QCOMPARE(cache.find(0), nullptr);   // block 0 was never read
    QCOMPARE(cache.rowOf(1004), first + 4);
    QCOMPARE(cache.rowOf(5), qint64(-1));
    const auto rowsAndIds = cache.rowsAndIds();
    QCOMPARE(rowsAndIds.size(), BlockCache::BlockSize - 1);
    QCOMPARE(rowsAndIds.first(), qMakePair(first, qint64(1000)));
}

void TestWindowParts::cacheOffersBlockEdgesAsStarts()
{
    BlockCache cache;
    cache.insert(1, block(500));
    const auto edges = cache.edgeRows();
    QCOMPARE(edges.size(), 2);
    QCOMPARE(edges.at(0).first, qint64(BlockCache::BlockSize));
    QCOMPARE(edges.at(0).second->id, qint64(500));
    QCOMPARE(edges.at(1).first, qint64(2 * BlockCache::BlockSize - 1));
    QCOMPARE(edges.at(1).second->id, qint64(500 + BlockCache::BlockSize - 1));
}

void TestWindowParts::keysetSeeksOnTheLeadingKey()
{
    const KeysetPredicate one({QStringLiteral("id")}, true);
    QCOMPARE(one.after(), QStringLiteral("id> ?"));
    QCOMPARE(one.orderBy(), QStringLiteral("id ASC"));
    const KeysetPredicate two({QStringLiteral("last_name"), QStringLiteral("id")}, false);
    QCOMPARE(two.after(), QStringLiteral("last_name<= ? AND (last_name, id) < (?, ?)"));
    QCOMPARE(two.orderBy(), QStringLiteral("last_name DESC, id DESC"));
}

void TestWindowParts::keysetBindsTheLeadingKeyTwice()
{
    QCOMPARE(KeysetPredicate::binds({7}), QVariantList({7}));
    QCOMPARE(KeysetPredicate::binds({QStringLiteral("Doe"), 7}), QVariantList({QStringLiteral("Doe"), QStringLiteral("Doe"), 7}));
}

QTEST_GUILESS_MAIN(TestWindowParts)
#include "TestWindowParts.moc"
