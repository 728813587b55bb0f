#include "ChunkedDevice.h"
#include "csv/CsvFormat.h"
#include "csv/CsvReader.h"
#include "csv/CsvWriter.h"

#include <QBuffer>
#include <QTest>

// The CSV layer on its own: what a spreadsheet or an editor produces must be
// read back field for field, with the line numbers a person sees.
Q_DECLARE_METATYPE(TextDecoder::Encoding)

class TestCsv : public QObject
{
    Q_OBJECT

private:
    struct Parsed
    {
        QList<CsvRecord> records;
        QString error;
    };

    static Parsed parse(const QByteArray &bytes, const CsvFormat &format = {})
    {
        QByteArray data = bytes;
        QBuffer buffer(&data);
        buffer.open(QIODevice::ReadOnly);
        return parse(&buffer, format);
    }
    static Parsed parse(QIODevice *device, const CsvFormat &format)
    {
        CsvReader reader(device, format);
        Parsed parsed;
        CsvRecord record;
        while (reader.readRecord(&record))
            parsed.records.append(record);
        parsed.error = reader.errorString();
        return parsed;
    }

    static QByteArray write(const QList<QStringList> &rows)
    {
        QByteArray data;
        QBuffer buffer(&data);
        buffer.open(QIODevice::WriteOnly);
        CsvWriter writer(&buffer);
        for (const QStringList &row : rows) {
            if (!writer.writeRecord(row))
                return {};
        }
        return data;
    }

private slots:
    void reader_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QList<QStringList>>("fields");
        QTest::addColumn<QList<qint64>>("lines");

        using Rows = QList<QStringList>;
        using Lines = QList<qint64>;
        QTest::newRow("LF") << QByteArray("a,b\nc,d\n") << Rows{{"a", "b"}, {"c", "d"}} << Lines{1, 2};
        QTest::newRow("CRLF") << QByteArray("a,b\r\nc,d\r\n") << Rows{{"a", "b"}, {"c", "d"}} << Lines{1, 2};
        QTest::newRow("no final newline") << QByteArray("a,b\nc,d") << Rows{{"a", "b"}, {"c", "d"}} << Lines{1, 2};
        QTest::newRow("BOM") << QByteArray("\xEF\xBB\xBFname,x\r\n1,2\r\n") << Rows{{"name", "x"}, {"1", "2"}} << Lines{1, 2};
        QTest::newRow("empty fields") << QByteArray(",,\n") << Rows{{"", "", ""}} << Lines{1};
        QTest::newRow("trailing comma") << QByteArray("a,\n") << Rows{{"a", ""}} << Lines{1};
        QTest::newRow("quoted comma") << QByteArray("\"Doe, Jane\",x\n") << Rows{{"Doe, Jane", "x"}} << Lines{1};
        QTest::newRow("doubled quotes") << QByteArray("\"say \"\"hi\"\"\",\"\"\"\"\n")
                                        << Rows{{"say \"hi\"", "\""}} << Lines{1};
        QTest::newRow("empty quoted") << QByteArray("\"\",b\n") << Rows{{"", "b"}} << Lines{1};
        QTest::newRow("newline in quotes") << QByteArray("\"1 Main St\nApt 2\",x\r\nnext,y\r\n")
                                           << Rows{{"1 Main St\nApt 2", "x"}, {"next", "y"}} << Lines{1, 3};
        QTest::newRow("CRLF kept in quotes") << QByteArray("\"a\r\nb\r\nc\",x\r\nz,w\r\n")
                                             << Rows{{"a\r\nb\r\nc", "x"}, {"z", "w"}} << Lines{1, 4};
        QTest::newRow("empty lines skipped") << QByteArray("\n\na,b\n\r\n\nc,d\n\n")
                                             << Rows{{"a", "b"}, {"c", "d"}} << Lines{3, 6};
        QTest::newRow("utf8") << QByteArray("Zoë,Łódź,日本\n") << Rows{{"Zoë", "Łódź", "日本"}} << Lines{1};
        QTest::newRow("spaces kept") << QByteArray(" a , b \n") << Rows{{" a ", " b "}} << Lines{1};
        QTest::newRow("empty input") << QByteArray() << Rows{} << Lines{};
    }
    void reader()
    {
        QFETCH(QByteArray, input);
        QFETCH(QList<QStringList>, fields);
        QFETCH(QList<qint64>, lines);
        const Parsed parsed = parse(input);
        QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
        QCOMPARE(parsed.records.size(), fields.size());
        for (qsizetype i = 0; i < fields.size(); ++i) {
            QCOMPARE(parsed.records.at(i).fields, fields.at(i));
            QCOMPARE(parsed.records.at(i).line, lines.at(i));
        }
    }

    void readerErrors_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("recordsBefore");
        QTest::addColumn<QString>("linePrefix");

        QTest::newRow("unterminated quote at EOF") << QByteArray("a,b\nc,\"open\nmore\n") << 1 << "line 2:";
        QTest::newRow("stray quote") << QByteArray("a,b\nc,d\nx,ab\"c\n") << 2 << "line 3:";
        QTest::newRow("text after closing quote") << QByteArray("\"a\"b,c\n") << 0 << "line 1:";
        QTest::newRow("stray quote after multi-line field")
            << QByteArray("\"1\n2\n3\",x\ny,z\"\n") << 1 << "line 4:";
        QTest::newRow("invalid utf8") << QByteArray("a,b\nc,\xFF\xFE\n") << 1 << "line 2, column 3:";
        QTest::newRow("invalid utf8 in a later line of a quoted field")
            << QByteArray("a,b\nc,\"x\nyz\xFF\"\n") << 1 << "line 3, column 3:";
    }
    void readerErrors()
    {
        QFETCH(QByteArray, input);
        QFETCH(int, recordsBefore);
        QFETCH(QString, linePrefix);
        const Parsed parsed = parse(input);
        QCOMPARE(parsed.records.size(), recordsBefore);
        QVERIFY2(parsed.error.startsWith(linePrefix), qPrintable(parsed.error));
    }

    // Records that straddle the reader's 1 MiB chunks must come out whole.
    void largeInputAcrossChunks()
    {
        QByteArray input;
        const QString bio = QStringLiteral("a \"quoted\", multi\nline bio with ünïcödé ");
        QList<QStringList> rows;
        for (int i = 0; i < 40000; ++i)
            rows.append({QString::number(i), bio + QString::number(i), QStringLiteral("x")});
        input = write(rows);
        QVERIFY(input.size() > 2 * 1024 * 1024);
        const Parsed parsed = parse(input);
        QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
        QCOMPARE(parsed.records.size(), rows.size());
        for (int i = 0; i < rows.size(); i += 997) {
            QCOMPARE(parsed.records.at(i).fields, rows.at(i));
            QCOMPARE(parsed.records.at(i).line, qint64(2 * i + 1));
        }
        QCOMPARE(parsed.records.last().fields, rows.last());
    }

    // Found by FuzzCsvReader: the bytes of a character the file ends in the
    // middle of were dropped without a word (Qt's decoder keeps them for a
    // next chunk that never comes).
    void aCharacterCutByTheEndOfTheFileIsAnError_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<TextDecoder::Encoding>("encoding");
        QTest::addColumn<QString>("error");
        QTest::newRow("UTF-8, half an ü") << QByteArray("a,b\nAda,M\xC3") << TextDecoder::Encoding::Utf8
                                          << QStringLiteral("line 2, column 6: the file is not valid UTF-8 text here");
        QTest::newRow("UTF-16LE, an odd byte") << QByteArray("a\0,\0b\0\n\0x", 9) << TextDecoder::Encoding::Utf16LE
                                               << QStringLiteral("line 2, column 1: the bytes here are not text in UTF-16LE");
    }
    void aCharacterCutByTheEndOfTheFileIsAnError()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(TextDecoder::Encoding, encoding);
        QFETCH(QString, error);
        CsvFormat format;
        format.encoding = encoding;
        const Parsed parsed = parse(bytes, format);
        QVERIFY2(parsed.error.startsWith(error), qPrintable(parsed.error));
    }

    // Found by FuzzCsvReader: a U+FFFD the file itself holds (EF BF BD) was
    // taken for the byte that could not be read after it.
    void theUndecodableByteIsNamedNotAReplacementCharacterBeforeIt()
    {
        const Parsed parsed = parse("a,b\nx\xEF\xBF\xBDy,\xFFz\n");
        QVERIFY2(parsed.error.startsWith(u"line 2, column 5: "), qPrintable(parsed.error));
    }

    // Found by FuzzCsvReader: a second BOM (an editor's BOM written before a
    // file that had one) was skipped in a file but kept in the first field
    // when a pipe's first read ended inside the first BOM.
    void aSecondBomIsSkippedWhateverTheReadsAre()
    {
        const QByteArray bytes = "\xEF\xBB\xBF\xEF\xBB\xBF" "a,b\n";
        QCOMPARE(parse(bytes).records.value(0).fields, (QStringList{"a", "b"}));
        ChunkedDevice pipe(bytes, 1);
        QVERIFY(pipe.open(QIODevice::ReadOnly));
        QCOMPARE(parse(&pipe, CsvFormat{}).records.value(0).fields, (QStringList{"a", "b"}));
    }

    // Found by FuzzCsvReader: from a pipe that hands out a few bytes at a
    // time, the delimiter and encoding were sniffed from the first read only
    // (here "Vor": a comma-separated file with one column).
    void aPipeIsSniffedFromTheWholeHead()
    {
        const QByteArray german = "Vorname;Nachname;E-Mail\r\nJ\xFCrgen;M\xFCller;j@example.com\r\n";
        ChunkedDevice pipe(german, 3);
        QVERIFY(pipe.open(QIODevice::ReadOnly));
        const CsvFormat format = CsvFormat::sniff(&pipe, std::nullopt, QChar());
        QCOMPARE(format.delimiter, QChar(u';'));
        QCOMPARE(format.encoding, TextDecoder::Encoding::Windows1252);
        const Parsed parsed = parse(&pipe, format);
        QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
        QCOMPARE(parsed.records.size(), 2);
        QCOMPARE(parsed.records.at(1).fields, (QStringList{"Jürgen", "Müller", "j@example.com"}));
    }

    void writerQuoting_data()
    {
        QTest::addColumn<QStringList>("fields");
        QTest::addColumn<QByteArray>("expected");

        QTest::newRow("plain") << QStringList{"a", "b"} << QByteArray("a,b\r\n");
        QTest::newRow("empty") << QStringList{"", ""} << QByteArray(",\r\n");
        QTest::newRow("comma") << QStringList{"Doe, Jane"} << QByteArray("\"Doe, Jane\"\r\n");
        QTest::newRow("quote") << QStringList{"say \"hi\""} << QByteArray("\"say \"\"hi\"\"\"\r\n");
        QTest::newRow("LF") << QStringList{"a\nb"} << QByteArray("\"a\nb\"\r\n");
        QTest::newRow("CR") << QStringList{"a\rb"} << QByteArray("\"a\rb\"\r\n");
        QTest::newRow("leading space") << QStringList{" a"} << QByteArray("\" a\"\r\n");
        QTest::newRow("trailing space") << QStringList{"a "} << QByteArray("\"a \"\r\n");
        QTest::newRow("inner space") << QStringList{"a b"} << QByteArray("a b\r\n");
        QTest::newRow("utf8") << QStringList{"Zoë"} << QByteArray("Zo\xC3\xAB\r\n");
    }
    void writerQuoting()
    {
        QFETCH(QStringList, fields);
        QFETCH(QByteArray, expected);
        QCOMPARE(write({fields}), expected);
    }

    void neutralizeFormula_data()
    {
        QTest::addColumn<QString>("cell");
        QTest::addColumn<QString>("expected");

        QTest::newRow("equals") << "=SUM(1)" << "'=SUM(1)";
        QTest::newRow("plus") << "+4930123456" << "'+4930123456";
        QTest::newRow("minus") << "-1" << "'-1";
        QTest::newRow("at") << "@cmd" << "'@cmd";
        QTest::newRow("tab") << "\tx" << "'\tx";
        QTest::newRow("cr") << "\rx" << "'\rx";
        QTest::newRow("already escaped") << "'=x" << "''=x";
        QTest::newRow("plain") << "Ada" << "Ada";
        QTest::newRow("formula later") << "a=b" << "a=b";
        QTest::newRow("apostrophe text") << "'tis" << "'tis";
        QTest::newRow("empty") << "" << "";
    }
    void neutralizeFormula()
    {
        QFETCH(QString, cell);
        QFETCH(QString, expected);
        QCOMPARE(CsvWriter::neutralizeFormula(cell), expected);
    }

    void readerReadsWhatWriterWrites()
    {
        const QList<QStringList> rows{
            {"first", "last", "note"},
            {"Ada", "Lovelace", "line 1\nline 2"},
            {" padded ", "\"quoted\"", "comma, inside"},
            {"", "CR\rLF\r\n", "ünïcödé 日本"},
            {"=SUM(1)", "'", "\"\""},
        };
        const Parsed parsed = parse(write(rows));
        QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
        QCOMPARE(parsed.records.size(), rows.size());
        for (qsizetype i = 0; i < rows.size(); ++i)
            QCOMPARE(parsed.records.at(i).fields, rows.at(i));
        QCOMPARE(parsed.records.at(2).line, qint64(4));   // the record after a two-line field
    }
};

QTEST_GUILESS_MAIN(TestCsv)
#include "TestCsv.moc"
