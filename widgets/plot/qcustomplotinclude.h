#pragma once

// qcustomplot.h spells signals, slots, emit and foreach as Qt keywords, which this project turns off
// (QT_NO_KEYWORDS: LibTorch uses `slots` as a name). Map them for that header only.
#define signals Q_SIGNALS
#define slots Q_SLOTS
#define emit Q_EMIT
#define foreach Q_FOREACH
#include <qcustomplot.h>
#undef signals
#undef slots
#undef emit
#undef foreach
