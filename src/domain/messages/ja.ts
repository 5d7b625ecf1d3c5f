import type { Catalog } from './catalog';

export const ja: Catalog = {
  problems: {
    // The reader's own reason (p.detail) is JavaScript's wording: shown only with DEBUG=ikigai.
    not_a_workbook: () => `ワークブック（.xlsx）として読めません。Excel で開けるか確かめて、.xlsx 形式で保存し直してください`,
    file_not_found: (p) => `ファイルがありません（${p.path}）`,
    missing_tab: (p) => `シート「${p.tab}」がありません（英語名 ${p.en} も可）`,
    missing_header: (p) => `列「${p.header}」がありません（英語名 ${p.en} も可）`,
    duplicate_header: (p) => `列「${p.header}」が2回あります`,
    required: (p) => `「${p.header}」は必須です`,
    bad_date: (p) => `「${p.value}」は日付として読めません（例: 2015-04-01）`,
    bad_timestamp: (p) => `「${p.value}」は日時として読めません（例: 2015-04-01 09:30）`,
    bad_time: (p) => `「${p.value}」は時刻として読めません（例: 13:30）`,
    bad_number: (p) => `「${p.value}」は数値として読めません`,
    bad_integer: (p) => `「${p.value}」は整数として読めません`,
    out_of_range: (p) => `「${p.value}」は範囲外です（${p.min}〜${p.max}）`,
    bad_boolean: (p) => `「${p.value}」は はい/いいえ として読めません（TRUE/FALSE、はい/いいえ、1/0）`,
    bad_enum: (p) => `「${p.value}」は「${p.header}」に使えません（使える値: ${p.allowed}）`,
    bad_slot: (p) => `「${p.value}」は就業枠として読めません（例: 月AM、火PM）`,
    duplicate_id: (p) => `ID「${p.id}」が重複しています（${p.other} と同じ）`,
    missing_reference: (p) => `${p.header}「${p.id}」は「${p.target}」にありません`,
    placed_without_date: () => `状態が成立・終了のときは成立日が必要です`,
    ended_before_placed: (p) => `終了日 ${p.ended} が成立日 ${p.placed} より前です`,
    left_before_joined: (p) => `退会日 ${p.left} が入会日 ${p.joined} より前です`,
    bad_setting: (p) => `設定「${p.key}」の値「${p.value}」が正しくありません（${p.expected}）`,
    error_value: (p) => `エラー値 ${p.value} が入っています（式を直すか、値を入れてください）`,
    not_finite: (p) => `「${p.value}」は値として使えません（数の計算に失敗した結果です）`,
    duplicate_tab: (p) => `シート「${p.tab}」と「${p.other}」が両方あります。どちらか一方にしてください（今は「${p.tab}」を読んでいます）`,
  },
};
