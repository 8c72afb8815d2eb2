"""Lists in shapes written blind, round eight (issue 22): ``tests/data/wild8/*.md`` were written from memory of
public awesome lists before the importer was changed for them. The theme is the Markdown *structure* maintainers
really write: reference-style links (``[Title][3]``, ``[paper][llava]``, ``[Title][]``, ``[Title]``) with their
definitions after each section or at the bottom, setext headings, headings with emoji, trailing ``#``s, ``<a name>``
anchors and ``<h2>``/``<h3>`` headings; numbered entries whose authors and venue are on continuation lines (one of
them a lazy continuation), tab-indented bullets, a file without a trailing newline; a reading tracker in CRLF with
``- [x]``/``- [ ]`` checkboxes, ``+``/``*``/``-`` bullets mixed, cards broken by two trailing spaces or a backslash
between ``---``/``***``/``___``/``- - -`` rules and ``> TL;DR`` quotes; tables without outer pipes, with ``\\|`` in
a cell, alignment rows and ``**Title**<br>Authors<br>Venue`` cells with ``[paper](…) · [code](…)`` links;
``<details><summary>Name</summary>`` per paper with a BibTeX block inside (odd fields, quoted and bare values,
upper-case field names); HTML comments holding old links and code fences holding example links, which are not part
of the list; the same paper in two sections.

Each is imported as a maintainer would (imported again, built with ``-W``, exported and imported again); the
tests say what a careful reader of each list would say.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import (
    assert_clean_import,
    assert_every_paper_its_own_dated_page,
    assert_generated_entries,
    assert_round_trip_keeps_links,
    assert_titles_dates_and_links,
    by_title,
    import_as_a_maintainer,
    links_of,
    paper_pages,
)
from papershelf.formats.lists.fields import VENUE_YEAR, clean_title, is_label

WILD = Path(__file__).parent / "data" / "wild8"
LISTS = sorted(path for path in WILD.glob("*.md") if path.name != "README.md")
A = "https://arxiv.org/abs/"
GH = "https://github.com/"


@pytest.fixture(scope="module")
def shelves(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, object]]:
    return import_as_a_maintainer(LISTS, tmp_path_factory)


#: list -> number of papers it lists (each its own page; a paper in two sections is one page)
COUNTS = {"comments-fences": 19, "details-bibtex": 19, "headings-numbered": 19, "loose-tables": 19, "reference-links": 20, "tracker-crlf": 20}
#: list -> title -> (date, the paper link, other links {kind: url}); an arXiv id (a link's, or a BibTeX eprint's)
#: dates a paper by its month, else the list's own year (or month)
EXPECTED: dict[str, dict[str, tuple[str, str, dict[str, str]]]] = {
    "reference-links": {
        "Flamingo: a Visual Language Model for Few-Shot Learning": ("2022-04", A + "2204.14198", {}),
        "BLIP-2: Bootstrapping Language-Image Pre-training with Frozen Image Encoders and Large Language Models": (
            "2023-01", A + "2301.12597", {"code": GH + "salesforce/LAVIS/tree/main/projects/blip2"}),
        "PaLI: A Jointly-Scaled Multilingual Language-Image Model": ("2022-09", A + "2209.06794", {}),
        "Language Is Not All You Need: Aligning Perception with Language Models": ("2023-02", A + "2302.14045", {}),
        "Kosmos-2: Grounding Multimodal Large Language Models to the World": ("2023-06", A + "2306.14824", {}),
        "PaLM-E: An Embodied Multimodal Language Model": ("2023-03", A + "2303.03378", {"homepage": "https://palm-e.github.io/"}),
        "Visual Instruction Tuning": ("2023-04", A + "2304.08485", {"code": GH + "haotian-liu/LLaVA"}),
        "Improved Baselines with Visual Instruction Tuning": ("2023-10", A + "2310.03744", {}),
        "MiniGPT-4: Enhancing Vision-Language Understanding with Advanced Large Language Models": (
            "2023-04", A + "2304.10592", {"code": GH + "Vision-CAIR/MiniGPT-4"}),
        "InstructBLIP: Towards General-purpose Vision-Language Models with Instruction Tuning": ("2023-05", A + "2305.06500", {}),
        "mPLUG-Owl: Modularization Empowers Large Language Models with Multimodality": ("2023-04", A + "2304.14178", {}),
        "Otter: A Multi-Modal Model with In-Context Instruction Tuning": ("2023-05", A + "2305.03726", {}),
        "Qwen-VL: A Versatile Vision-Language Model for Understanding, Localization, Text Reading, and Beyond": ("2023-08", A + "2308.12966", {}),
        "CogVLM: Visual Expert for Pretrained Language Models": ("2023-11", A + "2311.03079", {"code": GH + "THUDM/CogVLM"}),
        "Shikra: Unleashing Multimodal LLM's Referential Dialogue Magic": ("2023-06", A + "2306.15195", {}),
        "ShareGPT4V: Improving Large Multi-Modal Models with Better Captions": ("2023-11", A + "2311.12793", {}),
        "MM-Vet: Evaluating Large Multimodal Models for Integrated Capabilities": ("2023-08", A + "2308.02490", {}),
        "SEED-Bench: Benchmarking Multimodal LLMs with Generative Comprehension": ("2023-07", A + "2307.16125", {}),
        "Video-LLaMA: An Instruction-tuned Audio-Visual Language Model for Video Understanding": ("2023-06", A + "2306.02858", {}),
        "Video-ChatGPT: Towards Detailed Video Understanding via Large Vision and Language Models": ("2023-06", A + "2306.05424", {}),
    },
    "headings-numbered": {
        "Efficient Estimation of Word Representations in Vector Space": ("2013-01", A + "1301.3781", {}),
        "Distributed Representations of Words and Phrases and their Compositionality": ("2013-10", A + "1310.4546", {}),
        "GloVe: Global Vectors for Word Representation": ("2014", "https://aclanthology.org/D14-1162.pdf", {}),
        "Enriching Word Vectors with Subword Information": ("2016-07", A + "1607.04606", {}),
        "Deep contextualized word representations": ("2018-02", A + "1802.05365", {}),
        "Sequence to Sequence Learning with Neural Networks": ("2014-09", A + "1409.3215", {}),
        "Neural Machine Translation by Jointly Learning to Align and Translate": ("2014-09", A + "1409.0473", {}),
        "Effective Approaches to Attention-based Neural Machine Translation": ("2015-08", A + "1508.04025", {}),
        "Convolutional Sequence to Sequence Learning": ("2017-05", A + "1705.03122", {}),
        "Attention Is All You Need": ("2017-06", A + "1706.03762", {"code": GH + "tensorflow/tensor2tensor"}),
        "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding": ("2018-10", A + "1810.04805", {"code": GH + "google-research/bert"}),
        "RoBERTa: A Robustly Optimized BERT Pretraining Approach": ("2019-07", A + "1907.11692", {}),
        "XLNet: Generalized Autoregressive Pretraining for Language Understanding": ("2019-06", A + "1906.08237", {}),
        "Exploring the Limits of Transfer Learning with a Unified Text-to-Text Transformer": ("2019-10", A + "1910.10683", {}),
        "ELECTRA: Pre-training Text Encoders as Discriminators Rather Than Generators": ("2020-03", A + "2003.10555", {}),
        "Longformer: The Long-Document Transformer": ("2020-04", A + "2004.05150", {}),
        "Reformer: The Efficient Transformer": ("2020", "https://openreview.net/forum?id=rkgNKkHtvB", {}),
        "Big Bird: Transformers for Longer Sequences": ("2020-07", A + "2007.14062", {}),
        "FlashAttention: Fast and Memory-Efficient Exact Attention with IO-Awareness": ("2022-05", A + "2205.14135", {}),
    },
    "tracker-crlf": {
        "Training language models to follow instructions with human feedback": ("2022-03", A + "2203.02155", {}),
        "Deep reinforcement learning from human preferences": ("2017-06", A + "1706.03741", {}),
        "Constitutional AI: Harmlessness from AI Feedback": ("2022-12", A + "2212.08073", {}),
        "Direct Preference Optimization: Your Language Model is Secretly a Reward Model": ("2023-05", A + "2305.18290", {}),
        "Learning to summarize from human feedback": ("2020-09", A + "2009.01325", {}),
        "Fine-Tuning Language Models from Human Preferences": ("2019-09", A + "1909.08593", {}),
        "KTO: Model Alignment as Prospect Theoretic Optimization": ("2024-02", A + "2402.01306", {}),
        "A General Theoretical Paradigm to Understand Learning from Human Preferences": ("2023-10", A + "2310.12036", {}),
        "Let's Verify Step by Step": ("2023-05", A + "2305.20050", {}),
        "Scaling Laws for Reward Model Overoptimization": ("2022-10", A + "2210.10760", {}),
        "RLAIF: Scaling Reinforcement Learning from Human Feedback with AI Feedback": ("2023-09", A + "2309.00267", {}),
        "Proximal Policy Optimization Algorithms": ("2017-07", A + "1707.06347", {}),
        "Secrets of RLHF in Large Language Models Part I: PPO": ("2023-07", A + "2307.04964", {}),
        "SimPO: Simple Preference Optimization with a Reference-Free Reward": ("2024-05", A + "2405.14734", {}),
        "Red Teaming Language Models with Language Models": ("2022-02", A + "2202.03286", {}),
        "Training a Helpful and Harmless Assistant with Reinforcement Learning from Human Feedback": ("2022-04", A + "2204.05862", {}),
        "Self-Instruct: Aligning Language Models with Self-Generated Instructions": ("2022-12", A + "2212.10560", {}),
        "RRHF: Rank Responses to Align Language Models with Human Feedback without tears": ("2023-04", A + "2304.05302", {"code": GH + "GanjinZero/RRHF"}),
        "LIMA: Less Is More for Alignment": ("2023-05", A + "2305.11206", {}),
        "Zephyr: Direct Distillation of LM Alignment": ("2023-10", A + "2310.16944", {}),
    },
    "loose-tables": {
        "Rich feature hierarchies for accurate object detection and semantic segmentation": ("2013-11", A + "1311.2524", {"code": GH + "rbgirshick/rcnn"}),
        "Faster R-CNN: Towards Real-Time Object Detection with Region Proposal Networks": (
            "2015-06", A + "1506.01497", {"code": GH + "rbgirshick/py-faster-rcnn"}),
        "You Only Look Once: Unified, Real-Time Object Detection": ("2015-06", A + "1506.02640", {"homepage": "https://pjreddie.com/darknet/yolo/"}),
        "SSD: Single Shot MultiBox Detector": ("2015-12", A + "1512.02325", {"code": GH + "weiliu89/caffe/tree/ssd"}),
        "Feature Pyramid Networks for Object Detection": ("2016-12", A + "1612.03144", {}),
        "Mask R-CNN": ("2017-03", A + "1703.06870", {"code": GH + "facebookresearch/Detectron"}),
        "Focal Loss for Dense Object Detection": ("2017-08", A + "1708.02002", {"code": GH + "facebookresearch/Detectron"}),
        "Cascade R-CNN: Delving into High Quality Object Detection": ("2017-12", A + "1712.00726", {"code": GH + "zhaoweicai/cascade-rcnn"}),
        "End-to-End Object Detection with Transformers": ("2020-05", A + "2005.12872", {"code": GH + "facebookresearch/detr"}),
        "Deformable DETR: Deformable Transformers for End-to-End Object Detection": (
            "2020-10", A + "2010.04159", {"code": GH + "fundamentalvision/Deformable-DETR"}),
        "Masked-attention Mask Transformer for Universal Image Segmentation": (
            "2021-12", A + "2112.01527", {"code": GH + "facebookresearch/Mask2Former", "homepage": "https://bowenc0221.github.io/mask2former/"}),
        "Simple Open-Vocabulary Object Detection with Vision Transformers": ("2022-05", A + "2205.06230", {}),
        "Grounding DINO: Marrying DINO with Grounded Pre-Training for Open-Set Object Detection": (
            "2023-03", A + "2303.05499", {"code": GH + "IDEA-Research/GroundingDINO"}),
        "Segment Anything": ("2023-04", A + "2304.02643", {"code": GH + "facebookresearch/segment-anything", "homepage": "https://segment-anything.com/"}),
        "FCOS: Fully Convolutional One-Stage Object Detection": ("2019-04", A + "1904.01355", {"code": GH + "tianzhi0549/FCOS"}),
        "Objects as Points": ("2019-04", A + "1904.07850", {"code": GH + "xingyizhou/CenterNet"}),
        "YOLOv4: Optimal Speed and Accuracy of Object Detection": ("2020-04", A + "2004.10934", {"code": GH + "AlexeyAB/darknet"}),
        "YOLOX: Exceeding YOLO Series in 2021": ("2021-07", A + "2107.08430", {"code": GH + "Megvii-BaseDetection/YOLOX"}),
        "DETRs Beat YOLOs on Real-time Object Detection": ("2023-04", A + "2304.08069", {}),
    },
    "details-bibtex": {
        "A Simple Framework for Contrastive Learning of Visual Representations": ("2020-02", A + "2002.05709", {"code": GH + "google-research/simclr"}),
        "Momentum Contrast for Unsupervised Visual Representation Learning": ("2019-11", A + "1911.05722", {"code": GH + "facebookresearch/moco"}),
        "Improved Baselines with Momentum Contrastive Learning": ("2020-03", A + "2003.04297", {}),
        # the BibTeX names it so (the NeurIPS version); the summary only says "BYOL"
        "Bootstrap Your Own Latent - A New Approach to Self-Supervised Learning": ("2020-06", A + "2006.07733", {}),
        "Unsupervised Learning of Visual Features by Contrasting Cluster Assignments": ("2020-06", A + "2006.09882", {"code": GH + "facebookresearch/swav"}),
        # no arXiv id: the BibTeX's month and year
        "Exploring Simple Siamese Representation Learning": (
            "2021-06", "https://openaccess.thecvf.com/content/CVPR2021/html/Chen_Exploring_Simple_Siamese_Representation_Learning_CVPR_2021_paper.html", {}),
        "Barlow Twins: Self-Supervised Learning via Redundancy Reduction": ("2021-03", A + "2103.03230", {}),
        # the published copy (OpenReview) is the paper, its arXiv preprint dates it (the importer's rule since round 6)
        "VICReg: Variance-Invariance-Covariance Regularization for Self-Supervised Learning": (
            "2021-05", "https://openreview.net/forum?id=xm6YD62D1Ub", {"other": A + "2105.04906"}),
        "Emerging Properties in Self-Supervised Vision Transformers": ("2021-04", A + "2104.14294", {"code": GH + "facebookresearch/dino"}),
        # the BibTeX's eprint is its arXiv id
        "An Empirical Study of Training Self-Supervised Vision Transformers": (
            "2021-04", "https://openaccess.thecvf.com/content/ICCV2021/html/Chen_An_Empirical_Study_of_Training_Self-Supervised_Vision_Transformers_ICCV_2021_paper.html", {}),
        "DINOv2: Learning Robust Visual Features without Supervision": ("2023-04", A + "2304.07193", {"code": GH + "facebookresearch/dinov2"}),
        "BEiT: BERT Pre-Training of Image Transformers": ("2021-06", A + "2106.08254", {"code": GH + "microsoft/unilm/tree/master/beit"}),
        "Masked Autoencoders Are Scalable Vision Learners": ("2021-11", A + "2111.06377", {"code": GH + "facebookresearch/mae"}),
        "SimMIM: A Simple Framework for Masked Image Modeling": ("2021-11", A + "2111.09886", {}),
        "iBOT: Image BERT Pre-Training with Online Tokenizer": ("2021-11", A + "2111.07832", {}),
        "Self-Supervised Learning from Images with a Joint-Embedding Predictive Architecture": ("2023-01", A + "2301.08243", {}),
        "data2vec: A General Framework for Self-supervised Learning in Speech, Vision and Language": ("2022-02", A + "2202.03555", {}),
        "Unsupervised Visual Representation Learning by Context Prediction": ("2015-05", A + "1505.05192", {}),
        "Representation Learning with Contrastive Predictive Coding": ("2018-07", A + "1807.03748", {}),
    },
    "comments-fences": {
        "Connectionist Temporal Classification: Labelling Unsegmented Sequence Data with Recurrent Neural Networks": (
            "2006", "https://www.cs.toronto.edu/~graves/icml_2006.pdf", {}),
        "Listen, Attend and Spell": ("2015-08", A + "1508.01211", {}),
        "Deep Speech 2: End-to-End Speech Recognition in English and Mandarin": ("2015-12", A + "1512.02595", {}),
        "Conformer: Convolution-augmented Transformer for Speech Recognition": ("2020-05", A + "2005.08100", {}),
        "Robust Speech Recognition via Large-Scale Weak Supervision": ("2022-12", A + "2212.04356", {}),
        "wav2vec 2.0: A Framework for Self-Supervised Learning of Speech Representations": ("2020-06", A + "2006.11477", {}),
        "HuBERT: Self-Supervised Speech Representation Learning by Masked Prediction of Hidden Units": ("2021-06", A + "2106.07447", {}),
        "WaveNet: A Generative Model for Raw Audio": ("2016-09", A + "1609.03499", {}),
        "Tacotron: Towards End-to-End Speech Synthesis": ("2017-03", A + "1703.10135", {}),
        "Natural TTS Synthesis by Conditioning WaveNet on Mel Spectrogram Predictions": ("2017-12", A + "1712.05884", {}),
        "FastSpeech 2: Fast and High-Quality End-to-End Text to Speech": ("2020-06", A + "2006.04558", {}),
        "HiFi-GAN: Generative Adversarial Networks for Efficient and High Fidelity Speech Synthesis": ("2020-10", A + "2010.05646", {}),
        "Conditional Variational Autoencoder with Adversarial Learning for End-to-End Text-to-Speech": ("2021-06", A + "2106.06103", {}),
        "Neural Codec Language Models are Zero-Shot Text to Speech Synthesizers": ("2023-01", A + "2301.02111", {}),
        "SoundStream: An End-to-End Neural Audio Codec": ("2021-07", A + "2107.03312", {}),
        "High Fidelity Neural Audio Compression": ("2022-10", A + "2210.13438", {}),
        "AudioLM: a Language Modeling Approach to Audio Generation": ("2022-09", A + "2209.03143", {}),
        "AudioLDM: Text-to-Audio Generation with Latent Diffusion Models": ("2023-01", A + "2301.12503", {}),
        "Simple and Controllable Music Generation": ("2023-06", A + "2306.05284", {}),
    },
}
#: list -> title -> the short name the list gives it (a Name column, a <summary>, a "(Name)" after the venue)
NAMES = {
    "loose-tables": {"Objects as Points": "CenterNet", "DETRs Beat YOLOs on Real-time Object Detection": "RT-DETR"},
    "details-bibtex": {
        "A Simple Framework for Contrastive Learning of Visual Representations": "SimCLR",
        "Momentum Contrast for Unsupervised Visual Representation Learning": "MoCo",
        "Bootstrap Your Own Latent - A New Approach to Self-Supervised Learning": "BYOL",
        "An Empirical Study of Training Self-Supervised Vision Transformers": "MoCo v3",
        "Self-Supervised Learning from Images with a Joint-Embedding Predictive Architecture": "I-JEPA",
    },
    "comments-fences": {
        "Conditional Variational Autoencoder with Adversarial Learning for End-to-End Text-to-Speech": "VITS",
        "Neural Codec Language Models are Zero-Shot Text to Speech Synthesizers": "VALL-E",
    },
}
#: list -> title -> (BibTeX author field or "" when not checked, a venue as generated or "")
AUTHORS = {
    "reference-links": {
        "Visual Instruction Tuning": ("Haotian Liu and Chunyuan Li and Qingyang Wu and Yong Jae Lee", "NeurIPS 2023"),
        "Flamingo: a Visual Language Model for Few-Shot Learning": ("", "NeurIPS 2022"),
        "BLIP-2: Bootstrapping Language-Image Pre-training with Frozen Image Encoders and Large Language Models": ("", "ICML 2023"),
        "Kosmos-2: Grounding Multimodal Large Language Models to the World": ("", "ICLR 2024"),
        "PaLM-E: An Embodied Multimodal Language Model": ("", "ICML 2023"),
        "SEED-Bench: Benchmarking Multimodal LLMs with Generative Comprehension": ("", "CVPR 2024"),
    },
    "headings-numbered": {
        "Efficient Estimation of Word Representations in Vector Space": ("Tomas Mikolov and Kai Chen and Greg Corrado and Jeffrey Dean", "ICLR"),
        # a lazy continuation line: the authors are not indented
        "Distributed Representations of Words and Phrases and their Compositionality": (
            "Tomas Mikolov and Ilya Sutskever and Kai Chen and Greg Corrado and Jeffrey Dean", "NIPS 2013"),
        "GloVe: Global Vectors for Word Representation": ("Jeffrey Pennington and Richard Socher and Christopher D. Manning", "EMNLP 2014"),
        "Enriching Word Vectors with Subword Information": ("Piotr Bojanowski and Edouard Grave and Armand Joulin and Tomas Mikolov", "TACL 2017"),
        "Attention Is All You Need": (
            "Ashish Vaswani and Noam Shazeer and Niki Parmar and Jakob Uszkoreit and Llion Jones and Aidan N. Gomez and Lukasz Kaiser and Illia Polosukhin",
            "NIPS 2017"),
        "Longformer: The Long-Document Transformer": ("Iz Beltagy and Matthew E. Peters and Arman Cohan", ""),
        "Reformer: The Efficient Transformer": ("", "ICLR 2020"),
    },
    "tracker-crlf": {
        "Training language models to follow instructions with human feedback": ("", "NeurIPS 2022"),
        "Scaling Laws for Reward Model Overoptimization": ("", "ICML 2023"),
        "Self-Instruct: Aligning Language Models with Self-Generated Instructions": (
            "Yizhong Wang and Yeganeh Kordi and Swaroop Mishra and Alisa Liu and Noah A. Smith and Daniel Khashabi and Hannaneh Hajishirzi", "ACL 2023"),
        "RRHF: Rank Responses to Align Language Models with Human Feedback without tears": (
            "Zheng Yuan and Hongyi Yuan and Chuanqi Tan and Wei Wang and Songfang Huang and Fei Huang", "NeurIPS 2023"),
        "Training a Helpful and Harmless Assistant with Reinforcement Learning from Human Feedback": (
            "Yuntao Bai and Andy Jones and Kamal Ndousse and Amanda Askell and Anna Chen and others", ""),
        "Zephyr: Direct Distillation of LM Alignment": ("Lewis Tunstall and Edward Beeching and Nathan Lambert and others", "COLM 2024"),
    },
    "loose-tables": {
        "End-to-End Object Detection with Transformers": (
            "Nicolas Carion and Francisco Massa and Gabriel Synnaeve and Nicolas Usunier and Alexander Kirillov and Sergey Zagoruyko", "ECCV 2020"),
        "Masked-attention Mask Transformer for Universal Image Segmentation": (
            "Bowen Cheng and Ishan Misra and Alexander G. Schwing and Alexander Kirillov and Rohit Girdhar", "CVPR 2022"),
        "Focal Loss for Dense Object Detection": ("", "ICCV 2017"),
        "SSD: Single Shot MultiBox Detector": ("", "ECCV 2016"),
    },
    "details-bibtex": {
        "A Simple Framework for Contrastive Learning of Visual Representations": (
            "Chen, Ting and Kornblith, Simon and Norouzi, Mohammad and Hinton, Geoffrey", "International Conference on Machine Learning"),
        # the summary says "arXiv 2019"; the BibTeX says CVPR 2020
        "Momentum Contrast for Unsupervised Visual Representation Learning": ("He, Kaiming and Fan, Haoqi and Wu, Yuxin and Xie, Saining and Girshick, Ross", "CVPR"),
        "Unsupervised Learning of Visual Features by Contrasting Cluster Assignments": (
            "Mathilde Caron and Ishan Misra and Julien Mairal and Priya Goyal and Piotr Bojanowski and Armand Joulin", ""),
        "Barlow Twins: Self-Supervised Learning via Redundancy Reduction": ("", "International Conference on Machine Learning"),
        "DINOv2: Learning Robust Visual Features without Supervision": ("", "Transactions on Machine Learning Research"),
    },
    "comments-fences": {
        "Connectionist Temporal Classification: Labelling Unsegmented Sequence Data with Recurrent Neural Networks": ("", "ICML 2006"),
        "Robust Speech Recognition via Large-Scale Weak Supervision": ("", "ICML 2023"),
        "HiFi-GAN: Generative Adversarial Networks for Efficient and High Fidelity Speech Synthesis": ("", "NeurIPS 2020"),
    },
}
#: list -> links of datasets, tools, talks, blogs, demos and weights: never a paper's own link
NOT_PAPERS = {
    "reference-links": [
        "https://huggingface.co/datasets/liuhaotian/LLaVA-Instruct-150K", GH + "salesforce/LAVIS", GH + "open-compass/VLMEvalKit",
        "https://lilianweng.github.io/posts/2022-06-09-vlm/", "https://llava.hliu.cc/", "https://awesome.re",
    ],
    "headings-numbered": [
        "https://web.stanford.edu/class/cs224n/", "https://web.stanford.edu/~jurafsky/slp3/", "https://jalammar.github.io/illustrated-transformer/",
        "https://crfm.stanford.edu/2023/07/17/flash2.html",
    ],
    "tracker-crlf": [
        GH + "huggingface/trl", "https://huggingface.co/blog/rlhf", "https://huggingface.co/datasets/Anthropic/hh-rlhf",
        "https://www.youtube.com/watch?v=2MBJOuVq380", "https://huggingface.co/HuggingFaceH4/zephyr-7b-beta",
    ],
    "loose-tables": [
        "https://cocodataset.org/", "https://www.lvisdataset.org/", "https://www.objects365.org/overview.html", GH + "open-mmlab/mmdetection",
        GH + "facebookresearch/detectron2", "https://www.slideshare.net/rbgirshick/faster-rcnn",
    ],
    "details-bibtex": [
        GH + "lightly-ai/lightly", "https://github.com/example/awesome-ssl-vision", "https://dinov2.metademolab.com/",
        "https://ai.meta.com/blog/dino-paws-computer-vision-with-self-supervised-transformers-and-10x-more-efficient-training/",
    ],
    "comments-fences": [
        GH + "espnet/espnet", GH + "speechbrain/speechbrain", "https://www.openslr.org/12", "https://commonvoice.mozilla.org/en/datasets",
        "https://www.youtube.com/watch?v=example123", "https://example.github.io/annotated-conformer/",
        GH + "openai/whisper/blob/main/model-card.md",
    ],
}
#: list -> words that only an HTML comment or a code fence holds: on no page of the shelf, paper or resource
NOT_IN_THE_LIST = {
    "comments-fences": ["1412.5567", "1904.03288", "cdn.openai.com/papers/whisper.pdf", "2401.00001", "2402.00002", "2403.00003", "1111.11111",
                        "Moved to the archive", "TODO: add back", "huggingface.co/example/vall-e", "An Indented Example"],
}
#: list -> title -> words of the notes under the paper (a "> TL;DR" quote), which stay on its page
NOTES = {
    "tracker-crlf": {
        "Training language models to follow instructions with human feedback": ["supervised fine-tuning, then a reward model"],
        "Constitutional AI: Harmlessness from AI Feedback": ["short list of principles"],
        "Self-Instruct: Aligning Language Models with Self-Generated Instructions": ["bootstrap instruction data"],
        "LIMA: Less Is More for Alignment": ["1,000 curated examples"],
    },
    "comments-fences": {"Robust Speech Recognition via Large-Scale Weak Supervision": ["680,000 hours"]},
}
#: list -> title -> words of each section that lists it (a paper in two sections has both topics)
TOPICS = {
    "reference-links": {"Visual Instruction Tuning": ["Instruction tuning", "Evaluation"], "Flamingo: a Visual Language Model for Few-Shot Learning": ["Foundation models"]},
    "headings-numbered": {
        "Efficient Estimation of Word Representations in Vector Space": ["Word embeddings"],
        "Attention Is All You Need": ["Sequence to sequence"],
        "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding": ["Pre-training"],
        "Longformer: The Long-Document Transformer": ["Efficient transformers"],
    },
    "tracker-crlf": {"Direct Preference Optimization: Your Language Model is Secretly a Reward Model": ["Read", "Policy optimization"]},
    "loose-tables": {"Mask R-CNN": ["Two-stage and one-stage detectors", "Real-time detectors"], "Segment Anything": ["Transformers and foundation models"]},
    "details-bibtex": {"Masked Autoencoders Are Scalable Vision Learners": ["Masked image modeling", "Vision transformers"]},
    "comments-fences": {
        "wav2vec 2.0: A Framework for Self-Supervised Learning of Speech Representations": ["Self-supervised", "Audio generation"],
        "WaveNet: A Generative Model for Raw Audio": ["Synthesis"],
    },
}


def tags_of(page: dict[str, object]) -> list[str]:
    """A page's topics."""
    tags = page.get("tags") or []
    assert isinstance(tags, list)
    return [str(tag) for tag in tags]


def test_six_blind_lists() -> None:
    assert {path.stem for path in LISTS} == set(COUNTS) == set(EXPECTED)
    assert all(len(EXPECTED[name]) == count for name, count in COUNTS.items())
    assert b"\r\n" in (WILD / "tracker-crlf.md").read_bytes() and not (WILD / "headings-numbered.md").read_bytes().endswith(b"\n")


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_every_paper_its_own_dated_page(shelves: dict[str, dict[str, object]], name: str) -> None:
    assert_every_paper_its_own_dated_page(shelves[name], COUNTS[name])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_titles_dates_and_links(shelves: dict[str, dict[str, object]], name: str) -> None:
    assert set(by_title(shelves[name])) == set(EXPECTED[name])
    assert_titles_dates_and_links(shelves[name], EXPECTED[name])


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_one_page_per_paper_link(shelves: dict[str, dict[str, object]], name: str) -> None:
    seen: dict[str, str] = {}
    for title, page in by_title(shelves[name]).items():
        for url in links_of(page):
            assert url not in seen, (url, seen.get(url), title)
            seen[url] = title


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_titles_names_and_topics_a_reader_accepts(shelves: dict[str, dict[str, object]], name: str) -> None:
    for title, page in by_title(shelves[name]).items():
        assert not re.search(r"\((?:19|20)\d{2}\)$|\[|\]|<|\\|\*|`|\r|\u2b50|^\d+[.)]|^\[[ xX]\]", title), title
        assert not is_label(title) and clean_title(title).text == title, title
        short = str(page["short_name"])
        assert not re.search(r"^\d+[.)]|^-$|<|\[|\r|^\(", short), (title, short)
        assert not VENUE_YEAR.match(short), (title, short)
        for tag in tags_of(page):
            assert not re.search(r"[#<>\r\[\]]|[\U0001f300-\U0001faff\u2600-\u27bf]|^\s|\s$", str(tag)), (title, tag)
    for title, short in NAMES.get(name, {}).items():
        assert by_title(shelves[name])[title]["short_name"] == short, (title, by_title(shelves[name])[title]["short_name"])


@pytest.mark.parametrize("name", sorted(TOPICS))
def test_a_paper_in_two_sections_has_both_topics(shelves: dict[str, dict[str, object]], name: str) -> None:
    papers = by_title(shelves[name])
    for title, words in TOPICS[name].items():
        tags = tags_of(papers[title])
        assert all(any(word in tag for tag in tags) for word in words), (title, words, tags)


@pytest.mark.parametrize("name", sorted(AUTHORS))
def test_authors_and_venue_reach_the_generated_entry(shelves: dict[str, dict[str, object]], name: str) -> None:
    assert_generated_entries(shelves[name], AUTHORS[name])


@pytest.mark.parametrize("name", sorted(NOT_PAPERS))
def test_datasets_tools_talks_and_blogs_are_not_papers(shelves: dict[str, dict[str, object]], name: str) -> None:
    paper_links = {url for page in by_title(shelves[name]).values() for url in links_of(page)}
    assert not paper_links & set(NOT_PAPERS[name]), sorted(paper_links & set(NOT_PAPERS[name]))


@pytest.mark.parametrize("name", sorted(NOT_IN_THE_LIST))
def test_comments_and_code_fences_are_not_part_of_the_list(shelves: dict[str, dict[str, object]], name: str) -> None:
    root = shelves[name]["root"]
    assert isinstance(root, Path)
    texts = {path.name: path.read_text(encoding="utf-8") for path in [*(root / "docs").rglob("*.md"), root / "references.bib"]}
    found = {(word, file) for word in NOT_IN_THE_LIST[name] for file, text in texts.items() if word in text}
    assert not found, sorted(found)


@pytest.mark.parametrize("name", sorted(NOTES))
def test_notes_under_a_paper_stay_its_notes(shelves: dict[str, dict[str, object]], name: str) -> None:
    root = shelves[name]["root"]
    assert isinstance(root, Path)
    stems = {str(page["title"]): stem for stem, page in paper_pages(root).items()}
    for title, words in NOTES[name].items():
        text = (root / "docs" / "papers" / f"{stems[title]}.md").read_text(encoding="utf-8")
        assert all(word in text for word in words), (title, words, text)


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_no_importer_warning_a_clean_build_idempotent_and_round_trip(shelves: dict[str, dict[str, object]], name: str) -> None:
    assert_clean_import(shelves[name])
    assert_round_trip_keeps_links(shelves[name])


DETAILS = (
    "## Contrastive\n\n<details>\n<summary>OwlCLR</summary>\n\n[arXiv](https://arxiv.org/abs/2002.05709) | [code](https://github.com/x/owl)\n\n"
    "```bibtex\n@inproceedings{owl2020,\n  title={A Simple Framework for Owls},\n  author={Owl, Ann and Heron, Ben},\n"
    "  booktitle={International Conference on Machine Learning},\n  year={2020}\n}\n```\n</details>\n\n"
    "<details>\n<summary><b>HeronCo</b> (arXiv 2019)</summary>\n\n[arXiv](https://arxiv.org/abs/1911.05722)\n\n"
    "```bibtex\n@InProceedings{heron,\nTITLE = {Heron Contrast for Unsupervised Learning},\nbooktitle = {CVPR},\nyear = 2020,\n}\n```\n</details>\n\n"
    '<details><summary><a href="https://arxiv.org/abs/2006.07733">CROW</a></summary>\n\n'
    "```bibtex\n@inproceedings{crow, title = \"Crows Bootstrap Their Own Latent\", booktitle = {NeurIPS}, year = {2020}}\n```\n</details>\n\n"
    "<details><summary>GullSiam</summary>\n\n[CVPR open access](https://openaccess.thecvf.com/content/CVPR2021/html/Gull_CVPR_2021_paper.html)\n\n"
    "```bibtex\n@InProceedings{gull, title = {Exploring Simple Gull Learning}, booktitle = {CVPR}, month = {June}, year = {2021}}\n```\n</details>\n\n"
    "<details><summary>FinchV3</summary>\n\n[ICCV open access](https://openaccess.thecvf.com/content/ICCV2021/html/Finch_ICCV_2021_paper.html)\n\n"
    "```bibtex\n@inproceedings{finch, title={An Empirical Study of Finches}, booktitle={ICCV}, year={2021}, eprint={2104.02057}, archivePrefix={arXiv}}\n```\n"
    "</details>\n\n<details>\n<summary>Older work (click)</summary>\n\n- [Owls Predict the Context of Night](https://arxiv.org/abs/1505.05192) - ICCV 2015\n"
    "- [Owls Code Contrastive Predictions](https://arxiv.org/abs/1807.03748)\n\n</details>\n\n"
    "<details>\n<summary>Cite this list</summary>\n\n```bibtex\n@misc{list, title = {Owls}, howpublished = {\\url{https://github.com/x/owls}}, year = {2024}}\n```\n</details>\n"
)


def test_a_details_block_per_paper_named_by_its_summary_and_published_by_its_bibtex() -> None:
    """``<details><summary>Name</summary>`` folding one paper's links and BibTeX: one paper, named by the summary,
    titled, authored, placed and dated by the BibTeX (which wins over the summary's "(arXiv 2019)"); its eprint is
    the preprint link the list left out; a block of two bullets is two papers; the list's own citation is none."""
    from papershelf.formats.lists import awesome

    parsed = awesome.parse_awesome(DETAILS, "x.md")
    got = {item.title: (item.name, item.date, item.venue, item.authors, [(link.kind, link.url.rsplit("/", 1)[-1]) for link in item.links]) for item in parsed.items}
    assert got == {
        "A Simple Framework for Owls": ("OwlCLR", "2020", "International Conference on Machine Learning 2020", "Owl, Ann and Heron, Ben",
                                        [("paper", "2002.05709"), ("code", "owl")]),
        "Heron Contrast for Unsupervised Learning": ("HeronCo", "2020", "CVPR 2020", "", [("paper", "1911.05722")]),
        "Crows Bootstrap Their Own Latent": ("CROW", "2020", "NeurIPS 2020", "", [("paper", "2006.07733")]),
        "Exploring Simple Gull Learning": ("GullSiam", "2021-06", "CVPR 2021", "", [("paper", "Gull_CVPR_2021_paper.html")]),
        "An Empirical Study of Finches": ("FinchV3", "2021", "ICCV 2021", "", [("paper", "Finch_ICCV_2021_paper.html"), ("other", "2104.02057")]),
        "Owls Predict the Context of Night": ("", "2015", "ICCV 2015", "", [("paper", "1505.05192")]),
        "Owls Code Contrastive Predictions": ("", "", "", "", [("paper", "1807.03748")]),
    }


def test_a_venue_before_a_label_and_an_award_after_a_venue() -> None:
    """"[CVPR open access](…)" says where the paper is, not what it is called; "Title (ICLR 2022 Oral)" ends in its
    venue and what the venue gave it."""
    assert is_label("CVPR open access") and is_label("NeurIPS'22 paper") and is_label("ICCV 2021 proceedings")
    assert not is_label("CVPR Workshop on Owls")
    beit = clean_title("BEiT: BERT Pre-Training of Image Transformers (ICLR 2022 Oral)")
    assert (beit.text, beit.venue) == ("BEiT: BERT Pre-Training of Image Transformers", "ICLR 2022 Oral")
    assert clean_title("The Oral Tradition of Owls (Oral)").text == "The Oral Tradition of Owls (Oral)"


def test_an_indented_template_under_contributing_is_code() -> None:
    """Under "## Contributing" a four-space block is the entry template GitHub shows as code; elsewhere an indented
    link line is still read as the entry it was meant to be."""
    from papershelf.formats.lists import awesome

    said = ("## Papers\n\n- [Owls Hunt at Night with Nets](https://arxiv.org/abs/2301.00001)\n\n"
            "## How to contribute\n\nAdd a line like this:\n\n    - **[Paper Title](https://arxiv.org/abs/2401.00001)** - Author et al., Venue Year\n\n"
            "## More papers\n\nSome text.\n\n    [Herons Wait Patiently in Water](https://arxiv.org/abs/2301.00002)\n")
    assert [item.title for item in awesome.parse_awesome(said, "x.md").items] == ["Owls Hunt at Night with Nets", "Herons Wait Patiently in Water"]


def test_a_name_in_parentheses_after_the_year_closing_an_entry() -> None:
    """"— Kim et al., ICML 2021 (VITS)": the list's name of the paper; "(Oral)", "(Workshop)" and a note are none."""
    from papershelf.formats.lists import awesome

    said = ("- **[Owls Hunt at Night with Nets](https://arxiv.org/abs/2301.00001)** \u2014 Owl et al., ICML 2021 (OwlNet)\n"
            "- **[Herons Wait Patiently in Water](https://arxiv.org/abs/2301.00002)** \u2014 Heron et al., 2023 (Heron-2).\n"
            "- **[Crows Count to Five and More](https://arxiv.org/abs/2301.00003)** \u2014 Crow et al., ICLR 2023 (Oral)\n"
            "- **[Finches Sing in the Morning](https://arxiv.org/abs/2301.00004)** \u2014 Finch et al., CVPR 2022 (notable top 5%)\n")
    got = {item.title: (item.name, item.venue) for item in awesome.parse_awesome(said, "x.md").items}
    assert got == {"Owls Hunt at Night with Nets": ("OwlNet", "ICML 2021"), "Herons Wait Patiently in Water": ("Heron-2", ""),
                   "Crows Count to Five and More": ("", "ICLR 2023"), "Finches Sing in the Morning": ("", "CVPR 2022")}


def test_the_new_rules_stay_linear_on_a_hostile_line() -> None:
    """A 200 KB line against each new rule of this round."""
    import time

    from papershelf.formats.lists import awesome
    from papershelf.formats.lists.awesome.cleanup import blank_folding, folded_block
    from papershelf.formats.lists.awesome.group import NAME_AFTER_YEAR
    from papershelf.formats.lists.fields import TRAILING_PAREN, VENUE_LABEL

    hostile = [
        "- **[Owls](https://arxiv.org/abs/2301.00001)** " + "2021 (" * 40_000,  # years and open brackets
        "- [Owls](https://arxiv.org/abs/2301.00002) " + "2021 (a) " * 25_000,  # names that do not close the entry
        "<details><summary>" + "Owl " * 50_000 + "</summary>",  # a summary that never reads as one
        "| " + "CVPR " * 40_000 + "open access |",
        "1. [Owls](https://arxiv.org/abs/2301.00003)  \n   " + "Ann Owl. " * 25_000 + "2023 (Oral",  # names, a year, a bracket left open
        "1. **Owls**\n" + "Ann Owl (2013)\n" * 20_000 + "[pdf](https://arxiv.org/abs/2301.00004)",  # a paragraph of many lines
    ]
    started = time.monotonic()
    awesome.parse_awesome("\n\n".join(hostile) + "\n", "x.md")
    assert NAME_AFTER_YEAR.search("2021 (" * 40_000 + "x") is None
    assert TRAILING_PAREN.match("Owls at night (" + "ICLR 2022 " * 20_000 + "Oral") is None
    assert VENUE_LABEL.match("CVPR " * 40_000) is not None and not is_label("CVPR " * 40_000 + "owls")
    assert clean_title("Owls (" + "CVPR 2020 Best " * 15_000).text.startswith("Owls")
    many = ["<details>", "<summary>Owl</summary>", *(["[arXiv](https://arxiv.org/abs/2301.00001)"] * 50_000), "</details>"]
    assert folded_block(many, 30_000) is None and blank_folding("\n".join(many)).startswith("\n")
    assert time.monotonic() - started < 20


def test_a_venue_column_and_a_year_column_make_one_venue() -> None:
    """"Venue | Year" with "ICCV | 2017", in a table without outer pipes: the venue is "ICCV 2017"; a venue cell
    that says its year keeps it; a Date column (an arXiv month) says nothing of the venue's year."""
    from papershelf.formats.lists import awesome

    said = ("Title | Venue | Year | Links\n:--- | :---: | :---: | ---:\n"
            "[Owls Hunt at Night with Nets](https://arxiv.org/abs/1708.02002) | ICCV | 2017 | [code](https://github.com/x/owl) \\| [slides](https://x.org/s)\n"
            "[Herons Wait Patiently in Water](https://arxiv.org/abs/1512.02325) | ECCV'16 | 2016 | -\n\n"
            "| Title | Venue | Date |\n|---|---|---|\n| [Crows Count to Five](https://arxiv.org/abs/2211.00001) | CVPR | 2022-11 |\n")
    got = {item.title: (item.venue, [link.kind for link in item.links]) for item in awesome.parse_awesome(said, "x.md").items}
    assert got == {"Owls Hunt at Night with Nets": ("ICCV 2017", ["paper", "code", "slides"]), "Herons Wait Patiently in Water": ("ECCV 2016", ["paper"]),
                   "Crows Count to Five": ("CVPR", ["paper"])}


def test_authors_on_the_line_after_a_title_with_a_mark_or_a_year() -> None:
    """"1. **Title** (2013)" or "**Title** ⭐", then the authors and venue on the next line (indented or lazy):
    each line is the place of its own field; "NeurIPS 2023 (Oral)." after the names ends them too."""
    from papershelf.formats.lists import awesome

    said = ("1. **Owls Hunt at Night with Nets** (2013)\n   Ann Owl, Ben Heron, Cy Crow. ICLR 2013.\n   [[pdf]](https://arxiv.org/abs/1301.00001)\n"
            "2. **Herons Wait Patiently in Water** \u2b50\nDee Heron, Eve Crow. NIPS 2017.\n   [[pdf]](https://arxiv.org/abs/1706.00002)\n"
            "3. [Crows Count to Five and More](https://arxiv.org/abs/2304.00003)  \n   Fay Crow, Gus Finch, Yong Jae Lee. NeurIPS 2023 (Oral).  \n"
            "   [[code]](https://github.com/x/crow)\n")
    got = {item.title: (item.authors, item.venue) for item in awesome.parse_awesome(said, "x.md").items}
    assert got == {"Owls Hunt at Night with Nets": ("Ann Owl and Ben Heron and Cy Crow", "ICLR 2013"),
                   "Herons Wait Patiently in Water": ("Dee Heron and Eve Crow", "NIPS 2017"),
                   "Crows Count to Five and More": ("Fay Crow and Gus Finch and Yong Jae Lee", "NeurIPS 2023")}


def test_a_note_in_parentheses_names_a_paper_only_when_written_as_a_name(tmp_path: Path) -> None:
    """"[Title](…) (LLaVA)" names the paper; "(the LLaVA-Bench paper)" and "(Best Paper Award)" are notes."""
    from helpers import lists_and_shelf
    from papershelf.commands.importer import import_lists
    from papershelf.shelf.paths import locate

    said = ("- [Owls Hunt at Night with Nets](https://arxiv.org/abs/2301.00001) (OwlNet)\n"
            "- [Herons Wait Patiently in Water](https://arxiv.org/abs/2301.00002) (the HeronBench paper)\n"
            "- [Crows Count to Five and More](https://arxiv.org/abs/2301.00003) (Best Paper Award)\n")
    folder, root = lists_and_shelf(tmp_path, {"list.md": said}, "Owls")
    import_lists(locate(root), [folder / "list.md"])
    names = {str(page["title"]): page["short_name"] for page in paper_pages(root).values()}
    assert names["Owls Hunt at Night with Nets"] == "OwlNet"
    assert names["Herons Wait Patiently in Water"] != "the HeronBench paper" and names["Crows Count to Five and More"] != "Best Paper Award"


def test_a_quote_right_below_a_card_is_its_note() -> None:
    """A card ("**Title**" / authors / venue / "[paper](…)", broken by a backslash or two spaces) then a "> TL;DR: …"
    paragraph: the quote is the paper's note; a quote after a rule or prose stays the list's."""
    from papershelf.formats.lists import awesome

    said = ("**Owls Hunt at Night with Nets**\\\nAnn Owl, Ben Heron\\\nACL 2023\\\n[paper](https://arxiv.org/abs/2212.10560)\n\n"
            "> TL;DR: owls hunt with nets.\n\n***\n\n> A quote about the field.\n\n"
            "**Herons Wait Patiently in Water**  \nCy Heron  \nNeurIPS 2023  \n[paper](https://arxiv.org/abs/2305.11206)\n\n"
            "> TL;DR: herons wait.\n> Really.\n\nSome prose.\n\n> Another quote.\n")
    parsed = awesome.parse_awesome(said, "x.md")
    got = {item.title: [line for line in item.body if line] for item in parsed.items}
    assert got == {"Owls Hunt at Night with Nets": ["> TL;DR: owls hunt with nets."],
                   "Herons Wait Patiently in Water": ["> TL;DR: herons wait. Really."]}
    assert "A quote about the field." in "\n".join(parsed.notes) and "Another quote." in "\n".join(parsed.notes)


def test_a_workshop_said_between_venue_and_year() -> None:
    """"ICLR Workshop 2013" is a venue as written (as "NeurIPS 2021 Workshop" already was)."""
    from papershelf.formats.lists import awesome

    said = ("1. **Owls Hunt at Night with Nets** (2013)\n   Ann Owl, Ben Heron. ICLR Workshop 2013.\n   [[pdf]](https://arxiv.org/abs/1301.00001)\n"
            "2. [Herons Wait Patiently in Water](https://arxiv.org/abs/2301.00002), NeurIPS 2021 Workshop\n")
    assert [(item.venue, item.authors) for item in awesome.parse_awesome(said, "x.md").items] == [
        ("ICLR Workshop 2013", "Ann Owl and Ben Heron"), ("NeurIPS 2021 Workshop", "")]


def test_a_bibtex_block_on_a_papers_page_keeps_its_lines_together() -> None:
    """The BibTeX under a paper's heading (or its <details>) is copied to its page as one block, not a line a paragraph."""
    from papershelf.formats.lists import awesome

    said = ("### Owls Hunt at Night with Nets\n\n[arXiv](https://arxiv.org/abs/2301.00001)\n\n"
            "```bibtex\n@inproceedings{owl,\n  title={Owls Hunt at Night with Nets},\n  year={2023}\n}\n```\n")
    [item] = awesome.parse_awesome(said, "x.md").items
    text = "\n".join(item.body)
    assert "```bibtex\n@inproceedings{owl,\n  title={Owls Hunt at Night with Nets},\n  year={2023}\n}\n```" in text, text
