#pragma once

#include <QString>
#include <QStringList>

namespace torchscope {

// Torchscope's languages: the translations embedded in the executables, and how one is chosen.
// English is the source language; the others follow the system locale unless one is forced.
namespace Language {

// The languages with a translation, as locale names ("de", "zh_CN"); English is not listed.
QStringList available();

// Installs the translators for `forced` (a locale name such as "zh_CN" or "de_DE", or "en"), or, when it is
// empty, for the first of the system's UI languages that has a translation. Qt's own strings (standard
// buttons, dialogs) follow from Qt's translations where installed. Returns the language installed ("en" for
// English) or, for a forced language without a translation, an empty string and `*error` says why.
// Translators installed by an earlier call are removed first, so the language can change at run time.
QString install(const QString &forced, QString *error = nullptr);

// The value of a `--lang LANG` or `--lang=LANG` argument, removed from `arguments`; empty when absent.
// `*missing` is set when --lang is the last argument, with no value.
QString takeOption(QStringList *arguments, bool *missing = nullptr);

} // namespace Language

} // namespace torchscope
